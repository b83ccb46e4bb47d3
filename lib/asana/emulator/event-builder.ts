import { anonymousContext, externalAdminContext, memberContext } from "./context";
import { buildDetails } from "./details";
import { EVENT_MIX, EVENT_WEIGHTS } from "./event-mix";
import { EVENT_TYPES } from "./event-types";
import { GID_BASE, gidString, type Named, type Person, type Pools } from "./pools";
import { Rng, WeightedTable } from "./random";
import { poolFor, subtypeFor } from "./resources";
import { isoTime } from "./timeline";
import { inFlight } from "./travel";
import type {
  ActorType,
  AuditLogEvent,
  AuditLogEventActor,
  AuditLogEventContext,
  AuditLogEventDetails,
  AuditLogEventResource,
} from "./types";

const SALT_EVENT = 0xe7e;
const TYPE_COUNT = EVENT_TYPES.length;
const DEPROVISIONED = EVENT_TYPES.findIndex((t) => t.event_type === "user_deprovisioned");

/**
 * The fields the endpoint filters on, computed without building the event. Scanning ten million
 * skeletons for a rare actor must stay well under a second, so nothing here allocates.
 */
export interface Skeleton {
  typeIdx: number;
  actorType: ActorType;
  /** 0 when the actor has no gid. */
  actorGidNum: number;
  resourceGidNum: number;
}

/**
 * Builds event `pos` of an organisation as a pure function of (seed, pos). The first draws decide
 * the skeleton (type, actor, resource); the rest decide context and details, so a skeleton and
 * the full event built from the same position always agree.
 */
export class EventBuilder {
  private readonly rng = new Rng();
  private readonly types = new WeightedTable(
    EVENT_TYPES.map((_, i) => i),
    EVENT_WEIGHTS,
  );
  readonly skeleton: Skeleton = { typeIdx: 0, actorType: "user", actorGidNum: 0, resourceGidNum: 0 };
  private actorPerson: Person | undefined;
  private actorIsService = false;
  private actorExternal = 0;
  private resourceKind = "";
  private resourceIndex = 0;
  private resourcePerson: Person | undefined;
  /** Index into pools.former of a removed person, or -1. */
  private resourceFormer = -1;
  private resourceName: string | null = null;
  private resourceSubtype: string | undefined;
  private gid = "";
  private omitActorEmail = false;
  private details: AuditLogEventDetails = {};
  private context: AuditLogEventContext = { context_type: "web" };

  constructor(
    private readonly seed: number,
    private readonly pools: Pools,
    /** Positions below this get every event type once, evenly spread, so small orgs cover all 109. */
    private readonly coverageSize: number,
  ) {}

  private coverageType(pos: number): number {
    const n = this.coverageSize;
    if (n < TYPE_COUNT || pos >= n) return -1;
    const guess = Math.floor((pos * TYPE_COUNT) / n);
    for (let j = Math.max(0, guess - 1); j <= Math.min(TYPE_COUNT - 1, guess + 1); j++) {
      if (Math.floor(((j + 0.5) * n) / TYPE_COUNT) === pos) return j;
    }
    return -1;
  }

  /** Fills and returns the shared skeleton for `pos`. */
  computeSkeleton(pos: number): Skeleton {
    const rng = this.rng.reset(this.seed, pos, SALT_EVENT);
    const drawn = this.types.indexFor(rng.next());
    const forced = this.coverageType(pos);
    const typeIdx = forced >= 0 ? forced : drawn;
    const sk = this.skeleton;
    sk.typeIdx = typeIdx;
    this.pickActor(typeIdx, pos, rng);
    this.pickResource(typeIdx, pos, rng);
    return sk;
  }

  /** Every draw of event `pos`, in one fixed order; the gid is numbered by `gidPos`. */
  private draw(pos: number, gidPos: number, createdAtMs: number): void {
    const sk = this.computeSkeleton(pos);
    const rng = this.rng;
    const info = EVENT_TYPES[sk.typeIdx]!;
    this.gid = gidString(GID_BASE.event + gidPos * 4 + rng.int(4));
    this.omitActorEmail = rng.chance(0.003);
    this.drawResource(info.event_type, info.resource_type, rng);
    this.details = buildDetails(info.event_type, this.pools, rng);
    this.context = this.contextObject(info.event_category === "logins", rng, createdAtMs);
  }

  /**
   * `gidPos`: the event's position in the served stream, when planted incidents put it
   * elsewhere than `pos` (organisation.ts); gids then follow the stream's order as Asana's do.
   */
  build(pos: number, createdAtMs: number, gidPos = pos): AuditLogEvent {
    this.draw(pos, gidPos, createdAtMs);
    const info = EVENT_TYPES[this.skeleton.typeIdx]!;
    return {
      gid: this.gid,
      created_at: isoTime(createdAtMs),
      event_type: info.event_type,
      event_category: info.event_category,
      actor: this.actorObject(),
      resource: this.resourceObject(),
      details: this.details,
      context: this.context,
    };
  }

  private pickActor(typeIdx: number, pos: number, rng: Rng): void {
    const { pools, skeleton: sk } = this;
    const policy = EVENT_MIX[typeIdx]!.policy;
    const u = rng.next();
    let person: Person | undefined;
    let type: ActorType = "user";
    this.actorIsService = false;
    switch (policy) {
      case "self":
        person = this.member(rng, pos);
        break;
      case "login_failed":
        if (u < 0.25) type = "anonymous";
        else person = this.member(rng, pos);
        break;
      case "forgot_password":
        if (u < 0.6) type = "anonymous";
        else person = this.member(rng, pos);
        break;
      case "member":
        if (u < 0.05) {
          person = pools.busy;
          this.actorIsService = true;
        } else person = this.member(rng, pos);
        break;
      case "admin":
      case "service":
        if (policy === "admin" && u < 0.015) type = "asana_support";
        else person = pools.admins[rng.int(pools.admins.length)]!;
        break;
      case "provisioning":
        if (u < 0.55) person = pools.admins[rng.int(pools.admins.length)]!;
        else if (u < 0.85) {
          person = pools.scim;
          this.actorIsService = true;
        } else if (u < 0.97) type = "external_administrator";
        else type = "asana_support";
        break;
      case "system":
        if (u < 0.7) type = "asana";
        else person = this.member(rng, pos);
        break;
      case "asana":
        type = "asana";
        break;
    }
    this.actorPerson = person;
    this.actorExternal = type === "external_administrator" ? rng.int(pools.externalAdmins.length) : 0;
    sk.actorType = type;
    sk.actorGidNum = person ? person.gidNum : 0;
  }

  /** A member still in the organisation at `pos` and not on a plane: anyone else is drawn again. */
  private member(rng: Rng, pos: number): Person {
    const { users, userSkew } = this.pools;
    let p = users[rng.skewed(users.length, userSkew)]!;
    while (p.leftAt <= pos || (p.trip !== null && inFlight(p.trip, pos))) p = users[rng.skewed(users.length, userSkew)]!;
    return p;
  }

  private fromPool(pool: Named[], rng: Rng): void {
    this.resourceIndex = rng.skewed(pool.length, 1.5);
    this.skeleton.resourceGidNum = pool[this.resourceIndex]!.gidNum;
  }

  private pickResource(typeIdx: number, pos: number, rng: Rng): void {
    const { pools, skeleton: sk } = this;
    const info = EVENT_TYPES[typeIdx]!;
    const policy = EVENT_MIX[typeIdx]!.policy;
    const kind = info.resource_type;
    this.resourceKind = kind;
    this.resourcePerson = undefined;
    this.resourceFormer = -1;
    switch (kind) {
      case "user": {
        let target: Person;
        if (typeIdx === DEPROVISIONED) {
          // Accounts of people who have left: someone removed while still at work would go on
          // acting, which is an incident (incidents.ts), not the organisation's routine.
          this.resourceFormer = rng.int(pools.former.count);
          sk.resourceGidNum = pools.former.base + this.resourceFormer;
          return;
        }
        if (info.resource_type === "user" && policy === "service") target = pools.serviceAccounts[rng.int(pools.serviceAccounts.length)]!;
        else if ((policy === "self" || policy === "login_failed" || policy === "forgot_password") && this.actorPerson)
          target = this.actorPerson;
        else {
          target = pools.users[rng.int(pools.users.length)]!;
          while (target.leftAt <= pos) target = pools.users[rng.int(pools.users.length)]!;
        }
        this.resourcePerson = target;
        sk.resourceGidNum = target.gidNum;
        return;
      }
      case "workspace":
        sk.resourceGidNum = pools.workspace.gidNum;
        return;
      case "search":
        sk.resourceGidNum = GID_BASE.search + pos;
        return;
      default: {
        const pool = poolFor(pools, kind);
        if (pool.length > 0) return this.fromPool(pool, rng);
        const lazy = pools.lazy[kind as keyof Pools["lazy"]];
        if (!lazy) throw new Error(`no resource pool for ${kind}`);
        this.resourceIndex = rng.skewed(lazy.count, 1.3);
        sk.resourceGidNum = lazy.base + this.resourceIndex;
      }
    }
  }

  private drawResource(eventType: string, kind: string, rng: Rng): void {
    const pools = this.pools;
    this.resourceSubtype = undefined;
    if (this.resourcePerson || kind === "user" || kind === "workspace" || kind === "search") {
      this.resourceName = kind === "workspace" ? pools.workspace.name : null;
      return;
    }
    const gone = eventType.endsWith("_permanently_deleted") && rng.chance(0.6);
    const lazy = pools.lazy[kind as keyof Pools["lazy"]];
    if (lazy) this.resourceName = gone ? null : lazy.name(this.resourceIndex);
    else this.resourceName = poolFor(pools, kind)[this.resourceIndex]?.name ?? null;
    this.resourceSubtype = subtypeFor(kind, eventType, rng);
  }

  private actorObject(): AuditLogEventActor {
    const p = this.actorPerson;
    if (p) {
      return this.omitActorEmail
        ? { actor_type: "user", gid: p.gid, name: p.name }
        : { actor_type: "user", gid: p.gid, name: p.name, email: p.email };
    }
    if (this.skeleton.actorType === "external_administrator") {
      const ext = this.pools.externalAdmins[this.actorExternal]!;
      return { actor_type: "external_administrator", name: ext.name, email: ext.email };
    }
    return { actor_type: this.skeleton.actorType };
  }

  private resourceObject(): AuditLogEventResource {
    const p = this.resourcePerson;
    const gid = p ? p.gid : gidString(this.skeleton.resourceGidNum);
    if (p) return { resource_type: "user", gid, name: p.name, email: p.email };
    const former = this.resourceFormer;
    if (former >= 0) return { resource_type: "user", gid, name: this.pools.former.name(former), email: this.pools.former.email(former) };
    const resource: AuditLogEventResource = { resource_type: this.resourceKind, gid, name: this.resourceName };
    if (this.resourceSubtype !== undefined) resource.resource_subtype = this.resourceSubtype;
    return resource;
  }

  private contextObject(isLogin: boolean, rng: Rng, atMs: number): AuditLogEventContext {
    const sk = this.skeleton;
    switch (sk.actorType) {
      case "user":
        return memberContext(this.pools, this.actorPerson!, this.actorIsService, isLogin, rng, atMs);
      case "asana":
        return { context_type: "asana" };
      case "asana_support":
        return { context_type: "asana_support", on_behalf_of_user_id: rng.pick(this.pools.admins).gidNum };
      case "anonymous":
        return anonymousContext(rng);
      case "external_administrator":
        return externalAdminContext(rng);
    }
  }
}
