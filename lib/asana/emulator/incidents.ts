import { CHANGES } from "./incident-changes";
import { incidentEvent, type IncidentEvent } from "./incident-event";
import { bruteForce, consentPhishing, leaver, massDeletion, massExport, passwordSpray, type Scene, type Story } from "./incident-stories";
import { flight, foreignSignIn, impossibleTrip } from "./incident-travel";
import type { Person, Pools } from "./pools";
import { Rng } from "./random";
import type { Timeline } from "./timeline";

/**
 * The incidents of an organisation's history: brute force, password spraying, mass deletion and
 * download, consent phishing, people who leave but whose tokens do not, settings weakened, and
 * sign-ins from where their person is not (a new country, an impossible trip; a long flight),
 * enough that every built-in detection fires a few times over the span (lib/detections). Planned
 * once per organisation from its seed, a few hundred events in all, placed at plausible times
 * (attacks at any hour, people's actions in working hours) spread over the span; organisation.ts
 * interleaves them with the ordinary events by time.
 */

/** Organisations at least this large (demo mode's are) hold incidents unless told otherwise. */
export const INCIDENTS_FROM_EVENTS = 20_000;
/** Below this an organisation cannot carry them without incidents dominating its history. */
export const INCIDENTS_MIN_EVENTS = 10_000;

const DAY = 86_400_000;
const SALT_PLAN = 0x1c1d;

export interface PlannedEvent extends IncidentEvent {
  at: number;
}

export interface IncidentSummary {
  kind: string;
  /** created_at of its first event. */
  at: number;
  events: number;
}

export interface IncidentPlan {
  /** In time order. */
  events: PlannedEvent[];
  departures: Array<{ person: Person; at: number }>;
  summary: IncidentSummary[];
}

interface Kind {
  story: Story;
  /** How many, given the organisation's number of rounds (2 to 4). */
  count: (rounds: number) => number;
  /** Attacks come at any hour; people act in working hours. */
  anyHour?: boolean;
  /** Days it needs after its start (a trip is over before the span ends): 3 unless told. */
  room?: number;
}

// Leavers first: everyone picked after them is someone still there.
const KINDS: Record<string, Kind> = {
  leaver: { story: leaver, count: (r) => r },
  brute_force: { story: bruteForce, count: (r) => r, anyHour: true },
  password_spray: { story: passwordSpray, count: (r) => r - 1, anyHour: true },
  mass_deletion: { story: massDeletion, count: (r) => r - 1 },
  mass_export: { story: massExport, count: (r) => Math.max(1, r - 2) },
  consent_phishing: { story: consentPhishing, count: (r) => r - 1 },
  ...Object.fromEntries(Object.entries(CHANGES).map(([kind, story]) => [kind, { story, count: (r: number) => r }])),
  foreign_sign_in: { story: foreignSignIn, count: (r) => r - 1, anyHour: true },
  impossible_trip: { story: impossibleTrip, count: (r) => r - 1 },
  flight: { story: flight, count: (r) => r - 1, room: 10 },
};

/** More of each kind for larger organisations, a few in all. */
export const roundsFor = (events: number) => (events >= 1_000_000 ? 4 : events >= 100_000 ? 3 : 2);

export function planIncidents(seed: number, pools: Pools, timeline: Timeline, events: number): IncidentPlan {
  const rng = new Rng().reset(seed, 0, SALT_PLAN);
  const plan: IncidentPlan = { events: [], departures: [], summary: [] };
  const leaving = new Set<Person>();
  const adminFrom = pools.users.length - pools.admins.length;
  const span = (timeline.endMs - timeline.startMs) / DAY;
  const scene: Scene = {
    pools,
    rng,
    add(at, type, actor, resource, details, context) {
      plan.events.push({ at: Math.floor(at), ...incidentEvent(pools, type, actor, resource, details, context) });
    },
    later: (ms, days) => timeline.timeAt(Math.min(0.999999, timeline.quantileOf(ms) + (days / span) * (0.7 + 0.6 * rng.next()))),
    member() {
      for (;;) {
        const k = rng.skewed(adminFrom, pools.userSkew);
        const p = pools.users[k]!;
        if (!leaving.has(p) && p.trip === null) return p;
      }
    },
    admin: () => rng.pick(pools.admins),
    leave(person, at) {
      leaving.add(person);
      plan.departures.push({ person, at });
    },
  };
  // Room before for a leaver's last evening, and after for the follow-ups of the next days.
  const lo = timeline.startMs + 2 * DAY;
  const rounds = roundsFor(events);
  for (const [kind, { story, count, anyHour, room = 3 }] of Object.entries(KINDS)) {
    const hi = timeline.endMs - room * DAY;
    const [qLo, qHi] = [timeline.quantileOf(lo), timeline.quantileOf(hi)];
    const n = count(rounds);
    for (let round = 0; round < n; round++) {
      // Round r of n falls in the r-th n-th of the span: spread out, never all on one day.
      const u = (round + 0.1 + 0.8 * rng.next()) / n;
      const at = anyHour ? lo + u * (hi - lo) : timeline.timeAt(qLo + u * (qHi - qLo));
      const first = plan.events.length;
      story(scene, at, round);
      const planted = plan.events.slice(first);
      plan.summary.push({ kind, at: Math.min(...planted.map((e) => e.at)), events: planted.length });
    }
  }
  plan.events.sort((a, b) => a.at - b.at);
  plan.summary.sort((a, b) => a.at - b.at);
  return plan;
}
