import { CITY_ACCURACY_KM, IMPOSSIBLE_SPEED_KMH } from "@/lib/geo/travel";
import { base, DAY, HOUR, type BuiltinRule } from "./base";

/**
 * Where sign-ins come from (issue #19): a country new for the person, a trip no aircraft makes,
 * and a hosting provider's network, as Defender for Cloud Apps, Sumo Logic and Panther's IP
 * lookups flag them. Each reads the address's location as the sync stored it (ip_location).
 */
export const PLACE_RULES: readonly BuiltinRule[] = [
  {
    ...base,
    id: "builtin.sign-in-new-country",
    name: "Sign-in from a new country",
    severity: "medium",
    query: "type:user_login_succeeded",
    condition: "first_seen",
    settings: { groupBy: "actor", field: "country", lookbackSeconds: 90 * DAY },
    dedupSeconds: DAY,
    description: "A user signed in from a country none of their sign-ins of the 90 days before came from. Someone with no located sign-in in that time is still being learnt and raises nothing.",
    runbook: "Ask the user whether they are travelling. If not, end their sessions, reset their password and second factor, and look at what the session did (the alert's events link to the explorer).",
  },
  {
    ...base,
    id: "builtin.impossible-travel",
    name: "Impossible travel",
    severity: "high",
    query: "type:user_login_succeeded",
    condition: "travel",
    settings: { speedKmh: IMPOSSIBLE_SPEED_KMH, accuracyKm: CITY_ACCURACY_KM },
    dedupSeconds: 6 * HOUR,
    description: `Two successive sign-ins of one user whose places lie further apart than an airliner (${IMPOSSIBLE_SPEED_KMH} km/h) covers in the time between, after ${CITY_ACCURACY_KM} km at each end for city-level locations. A corporate VPN or a mobile network's gateway abroad can look like this too.`,
    runbook: "Compare the two sign-ins' networks and user agents on the actor page's sign-ins. If one is not the user's (a hosting network, an unfamiliar device), treat the account as compromised: end its sessions and reset its credentials.",
  },
  {
    ...base,
    id: "builtin.sign-in-hosting-network",
    name: "Sign-in from a hosting provider's network",
    severity: "low",
    query: "type:user_login_succeeded hosting:true",
    condition: "match",
    settings: { groupBy: "actor" },
    // A month, not a day: people on a VPN sign in from it every few days, and a daily window gave
    // them an alert for nearly every sign-in (the demo over 90 days, backtested: 213 alerts for 24
    // people; a week 97, a month 29). One alert per person while the habit lasts; its events list
    // every sign-in and network. A stranger's new country or impossible trip is other rules' job.
    dedupSeconds: 30 * DAY,
    description: "A user signed in from a data centre or cloud network (a commercial VPN's exit, a proxy, a rented server) rather than an office or a home broadband line. One alert per person while such sign-ins come less than 30 days apart.",
    runbook: "Check the network on the alert's event. If it is your own VPN's or proxy's, exclude it in the rule's query (-asn:NUMBER or -org:\"Name\"); otherwise ask the user, and treat a sign-in they do not recognise as a stolen password.",
  },
];
