import { drawAddress } from "./addresses";
import { browserAgent, externalAdminContext, strangerIp } from "./context";
import { incidentEvent, userResource, webContext, workspaceResource, type IncidentEvent } from "./incident-event";
import { FOREIGN_HOSTING } from "./networks";
import type { Person, Pools } from "./pools";
import { Rng, hashFloat } from "./random";

/**
 * Incidents among live events, so that someone watching a demo sees an alert arrive within
 * minutes: one small incident in every block of BLOCK captured events (6 minutes at demo mode's
 * 0.5 events a second), at a place and of a kind drawn from the block's number. Like every
 * other event it is a pure function of its stream number; it takes that number's place, so
 * the capture rate stays as set.
 */
export const BLOCK = 180;
const SALT_LIVE = 0x11c1;
/** A brute force takes at most 26 consecutive numbers. */
const LONGEST = 26;

export type LiveKind = "brute_force" | "foreign_sign_in" | "new_admin" | "external_admin" | "two_factor_off" | "saml_optional";
const KINDS: readonly LiveKind[] = ["brute_force", "brute_force", "brute_force", "foreign_sign_in", "new_admin", "external_admin", "two_factor_off", "saml_optional"];

const ATTACK_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.109 Safari/537.36";

export class LiveIncidents {
  private readonly rng = new Rng();
  private block = -1;
  private kind: LiveKind = "brute_force";
  private start = 0;
  private length = 0;

  constructor(
    private readonly seed: number,
    private readonly pools: Pools,
  ) {}

  /** The place within its incident of the event numbered q, or -1 when q is an ordinary event. */
  indexAt(q: number): number {
    const block = Math.floor(q / BLOCK);
    if (block !== this.block) {
      const { kind, failures } = this.draw(block);
      this.block = block;
      this.kind = kind;
      this.start = Math.floor(hashFloat(this.seed, block, SALT_LIVE + 1) * (BLOCK - LONGEST));
      this.length = kind === "brute_force" ? failures + 1 : kind === "foreign_sign_in" ? 2 : 1;
    }
    const j = q - block * BLOCK - this.start;
    return j >= 0 && j < this.length ? j : -1;
  }

  /** The kind of incident the event numbered q belongs to, or null. */
  kindAt(q: number): LiveKind | null {
    return this.indexAt(q) < 0 ? null : this.kind;
  }

  /** Event j of the incident of q's block (indexAt(q) gave j). */
  event(q: number, j: number): IncidentEvent {
    const { kind, failures } = this.draw(Math.floor(q / BLOCK));
    const { pools, rng } = this;
    const admin = rng.pick(pools.admins);
    const someone = this.present();
    const ws = workspaceResource(pools);
    switch (kind) {
      case "brute_force": {
        const ip = strangerIp(rng);
        const context = { context_type: "web" as const, client_ip_address: ip, user_agent: ATTACK_AGENT };
        const type = j < failures ? "user_login_failed" : "user_login_succeeded";
        return incidentEvent(pools, type, someone, userResource(someone), { method: "password" }, context);
      }
      case "foreign_sign_in": {
        // A server abroad signs in as them and makes itself a token to come back with.
        const context = { context_type: "web" as const, client_ip_address: drawAddress(rng.pick(FOREIGN_HOSTING).block, rng), user_agent: browserAgent(undefined, rng) };
        if (j === 0) return incidentEvent(pools, "user_login_succeeded", someone, userResource(someone), { method: "password" }, context);
        return incidentEvent(pools, "user_personal_access_token_authorized", someone, userResource(someone), {}, context);
      }
      case "new_admin":
        return incidentEvent(pools, "user_workspace_admin_role_changed", admin, userResource(someone), { old_value: "member", new_value: "admin" }, webContext(admin, rng, true));
      case "external_admin":
        return incidentEvent(pools, "user_invited", { external: rng.int(pools.externalAdmins.length) }, userResource(someone), {}, externalAdminContext(rng));
      case "two_factor_off":
        return incidentEvent(pools, "user_two_factor_auth_disabled", someone, userResource(someone), { old_value: "true", new_value: "false" }, webContext(someone, rng));
      case "saml_optional":
        return incidentEvent(pools, "workspace_saml_settings_changed", admin, ws, { old_value: "required", new_value: "optional" }, webContext(admin, rng, true));
    }
  }

  /** The block's kind, then (in this fixed order) the draws its events share. */
  private draw(block: number): { kind: LiveKind; failures: number } {
    const rng = this.rng.reset(this.seed, block, SALT_LIVE);
    return { kind: KINDS[rng.int(KINDS.length)]!, failures: 20 + rng.int(LONGEST - 20) };
  }

  /** A member who has not left. */
  private present(): Person {
    const { users, userSkew } = this.pools;
    let p = users[this.rng.skewed(users.length, userSkew)]!;
    while (p.leftAt !== Number.POSITIVE_INFINITY) p = users[this.rng.skewed(users.length, userSkew)]!;
    return p;
  }
}
