import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/env";

/**
 * A channel's secret parts (a webhook's URL and signing key, a Slack webhook's URL, an SMTP
 * password) at rest: AES-256-GCM under a key derived with HKDF-SHA256 from the session secret
 * (NEXTAUTH_SECRET), with an info string of its own so that the key serves nothing else. The
 * channel's id is the additional data: a sealed value copied onto another channel's row does
 * not open there.
 *
 * Format: `v1.<iv>.<ciphertext>.<tag>`, each part base64url. A changed NEXTAUTH_SECRET makes
 * stored secrets unreadable: the delivery says so, and the admin enters them again.
 */
const VERSION = "v1";
const INFO = "asana-audit-dashboard/notification-channel-secret/v1";
const SALT = "asana-audit-dashboard/notification-channel";

export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretBoxError";
  }
}

const keys = new Map<string, Buffer>();

function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, SALT, INFO, 32));
    keys.clear();
    keys.set(secret, key);
  }
  return key;
}

/** Seals a JSON-able value for the channel `channelId`. */
export function sealSecret(channelId: string, value: unknown, secret: string = authSecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secret), iv);
  cipher.setAAD(Buffer.from(channelId, "utf8"));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

/** Opens what sealSecret sealed for the same channel; throws SecretBoxError otherwise. */
export function openSecret(channelId: string, sealed: string, secret: string = authSecret()): unknown {
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretBoxError("The channel's stored secret is in a format this version does not read: enter it again.");
  const [, iv, body, tag] = parts as [string, string, string, string];
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(secret), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(channelId, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const plain = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
    return JSON.parse(plain) as unknown;
  } catch {
    throw new SecretBoxError("The channel's stored secret cannot be decrypted (was NEXTAUTH_SECRET changed?): edit the channel and enter its secret again.");
  }
}
