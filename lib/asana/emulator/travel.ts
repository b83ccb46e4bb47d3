import { greatCircleKm } from "@/lib/geo/travel";
import { drawAddress } from "./addresses";
import { SITES, type Site } from "./networks";
import type { Person, Pools } from "./pools";
import { Rng } from "./random";
import type { Timeline } from "./timeline";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SALT_TRIPS = 0x7217;
/** About one person in 35 goes to another office once over the span. */
const TRAVELLERS = 1 / 35;
/** A jet's pace over the ground, and the hours at airports either side of a flight. */
const CRUISE_KMH = 800;
const AIRPORTS_MS = 1.5 * HOUR;

/**
 * A business trip to another office. The person does nothing while in the air: the event
 * builder draws someone else for an event that falls in a flight (event-builder.ts), so their
 * sign-ins either side are at least a flight apart, and a trip never looks impossible.
 */
export interface Trip {
  /** Index into SITES. */
  readonly site: number;
  readonly departAt: number;
  readonly arriveAt: number;
  readonly leaveAt: number;
  readonly backAt: number;
  /** The hotel's or guest network's address, on a broadband line of the city. */
  readonly hotelIp: string;
  /** The two flights as ordinary event positions, [from, to) each (organisation.ts sets them once the timeline is known). */
  flights: readonly [number, number, number, number];
}

function flightMs(from: Site, to: Site): number {
  return Math.round((greatCircleKm(from, to) / CRUISE_KMH) * HOUR + AIRPORTS_MS);
}

/** A trip from the person's office to `site`, leaving at `departAt` and staying `days`. */
export function makeTrip(person: Person, site: number, departAt: number, days: number, rng: Rng): Trip {
  const from = SITES[person.office]!;
  const to = SITES[site]!;
  const flight = flightMs(from, to);
  const arriveAt = departAt + flight;
  const leaveAt = arriveAt + days * DAY;
  const hotelIp = drawAddress(rng.pick(to.homes), rng);
  return { site, departAt, arriveAt, leaveAt, backAt: leaveAt + flight, hotelIp, flights: [0, 0, 0, 0] };
}

/** Whether ordinary event position `pos` falls in one of the trip's flights. */
export function inFlight(trip: Trip, pos: number): boolean {
  const f = trip.flights;
  return (pos >= f[0] && pos < f[1]) || (pos >= f[2] && pos < f[3]);
}

/**
 * Ordinary business trips: a few people, none of them administrators, each to one other office
 * for two to six days, leaving in working hours. Planned from the seed alone, before the
 * incidents, whose stories then leave travellers alone (incidents.ts).
 */
export function planTrips(seed: number, pools: Pools, timeline: Timeline): void {
  // A short span has no room for a trip and the days around it.
  if (timeline.endMs - timeline.startMs < 14 * DAY) return;
  const rng = new Rng().reset(seed, 0, SALT_TRIPS);
  const adminFrom = pools.users.length - pools.admins.length;
  const n = Math.max(2, Math.round(pools.users.length * TRAVELLERS));
  for (let k = 0, tries = 0; k < n && tries < 20 * n; tries++) {
    const person = pools.users[rng.skewed(adminFrom, pools.userSkew)]!;
    if (person.trip !== null) continue;
    const site = (person.office + 1 + rng.int(SITES.length - 1)) % SITES.length;
    const days = 2 + rng.int(5);
    // Back well before the end, so that live events find everyone at home.
    const [qLo, qHi] = [timeline.quantileOf(timeline.startMs + DAY), timeline.quantileOf(timeline.endMs - (days + 3) * DAY)];
    const departAt = timeline.timeAt(qLo + rng.next() * (qHi - qLo));
    person.trip = makeTrip(person, site, departAt, days, rng);
    k++;
  }
}
