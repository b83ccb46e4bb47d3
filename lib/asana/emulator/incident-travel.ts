import { drawAddress } from "./addresses";
import { browserAgent } from "./context";
import { lazyResource, tokenContext, userResource, webContext } from "./incident-event";
import { SCRIPT_AGENTS, signedIn, type Story } from "./incident-stories";
import { FAR_HOMES, FOREIGN_HOSTING, SITES } from "./networks";
import { makeTrip } from "./travel";

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * Incidents of where people sign in from, for the location rules: a sign-in from a country new
 * to its victim, an impossible trip, and a flight that is fast but possible and must not look
 * impossible. Their victims are people who do not otherwise travel, so that each stands out.
 */

/**
 * A stolen password used from a server abroad: a sign-in from a hosting network of a country
 * the victim has never been to, a token made to come back later and a few downloads with it.
 * The victim revokes the token the next working day.
 */
export const foreignSignIn: Story = (s, at) => {
  const { rng, pools } = s;
  const victim = s.member();
  const ip = drawAddress(rng.pick(FOREIGN_HOSTING).block, rng);
  const agent = browserAgent(undefined, rng);
  let t = at;
  signedIn(s, t, victim, ip, agent);
  t += 2 * MINUTE + rng.int(5 * MINUTE);
  s.add(t, "user_personal_access_token_authorized", victim, userResource(victim), {}, { context_type: "web", client_ip_address: ip, user_agent: agent });
  const token = tokenContext(ip, rng.pick(SCRIPT_AGENTS));
  for (let n = 4 + rng.int(6); n > 0; n--) {
    t += 20 * SECOND + rng.int(2 * MINUTE);
    s.add(t, "attachment_downloaded", victim, lazyResource(pools, "attachment", rng.int(1 << 30), "attachment_downloaded", rng), {}, { ...token });
  }
  s.add(s.later(t, 1), "user_personal_access_token_revoked", victim, userResource(victim), {}, webContext(victim, rng));
};

/**
 * Someone signs in at work, and within the next hour and a half "they" sign in again from a
 * home connection on another continent: a password from an infostealer, used through a
 * residential proxy. Thousands of kilometres in minutes.
 */
export const impossibleTrip: Story = (s, at) => {
  const { rng, pools } = s;
  const victim = s.member();
  const home = SITES[victim.office]!;
  s.add(at, "user_login_succeeded", victim, userResource(victim), { method: "password" }, webContext(victim, rng));
  const far = FAR_HOMES.filter((f) => f.continent !== home.continent);
  const ip = drawAddress(rng.pick(far).block, rng);
  const agent = browserAgent(undefined, rng);
  let t = at + 20 * MINUTE + rng.int(70 * MINUTE);
  signedIn(s, t, victim, ip, agent);
  for (let n = 2 + rng.int(3); n > 0; n--) {
    t += 30 * SECOND + rng.int(3 * MINUTE);
    s.add(t, "attachment_downloaded", victim, lazyResource(pools, "attachment", rng.int(1 << 30), "attachment_downloaded", rng), {}, { context_type: "web", client_ip_address: ip, user_agent: agent });
  }
};

/**
 * A flight to the office of another continent: a sign-in at home before leaving for the
 * airport, and one from the hotel soon after landing. Fast, but no faster than the plane; the
 * stay then goes on as any business trip does (travel.ts).
 */
export const flight: Story = (s, at) => {
  const { rng } = s;
  const traveller = s.member();
  const from = SITES[traveller.office]!;
  const abroad = SITES.flatMap((site, k) => (site.continent === from.continent ? [] : [k]));
  const trip = makeTrip(traveller, rng.pick(abroad), at, 3 + rng.int(3), rng);
  traveller.trip = trip;
  const agent = browserAgent(traveller, rng);
  signedIn(s, at - 10 * MINUTE - rng.int(30 * MINUTE), traveller, traveller.homeIp, agent);
  signedIn(s, trip.arriveAt + 15 * MINUTE + rng.int(30 * MINUTE), traveller, trip.hotelIp, agent);
};
