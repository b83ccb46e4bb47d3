import { drawAddress, hostsOf } from "./addresses";
import { OKTA, PARTNER, SITES, STRANGERS, STRANGERS_V6 } from "./networks";
import type { Person, Pools } from "./pools";
import type { Rng } from "./random";
import type { AuditLogEventContext, ContextType } from "./types";

/** Each office's egress addresses, as text once: a page draws one for about every other event. */
const OFFICE_HOSTS = SITES.map((s) => hostsOf(s.office));

const BROWSERS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36",
];
const DESKTOP = [
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Asana/2.3.0 Chrome/124.0.6367.243 Electron/30.1.2 Safari/537.36",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Asana/2.3.0 Chrome/124.0.6367.243 Electron/30.1.2 Safari/537.36",
];
const MOBILE = [
  "Asana/8.41.1 (iPhone; iOS 17.5.1; Scale/3.00)",
  "Asana/8.40.0 (iPad; iOS 17.4; Scale/2.00)",
  "Asana/8.41.0 (Android 14; Pixel 8; Scale/2.63)",
  "Asana/8.39.2 (Android 13; SM-S911B; Scale/3.00)",
];
const API_CLIENTS = [
  "node-asana/3.2.0",
  "python-asana/5.1.0",
  "Zapier",
  "java-asana/1.0.0",
  "curl/8.7.1",
  "Go-http-client/2.0",
];
const RULES = [
  "When task is moved to Done, delete it",
  "When Task is added to this project",
  "Clean up attachments on completed tasks",
  "When task is overdue, move to Backlog",
];

export function officeIp(site: number, rng: Rng): string {
  return rng.pick(OFFICE_HOSTS[site]!);
}

/** Where a member connects from when at home: usually the office, often home, sometimes over IPv6 or a VPN. */
export function usualIp(person: Person, rng: Rng): string {
  const u = rng.next();
  if (u < 0.55) return officeIp(person.office, rng);
  if (u < 0.9) return person.vpnIp !== "" && u < 0.7 ? person.vpnIp : person.homeIp;
  return person.homeIpv6;
}

/** Where a member connects from at `atMs`: on a trip, the office they visit or their hotel. */
export function personIp(person: Person, rng: Rng, atMs: number): string {
  const trip = person.trip;
  if (trip !== null && atMs >= trip.arriveAt && atMs < trip.leaveAt) return rng.chance(0.5) ? officeIp(trip.site, rng) : trip.hotelIp;
  return usualIp(person, rng);
}

export function browserAgent(person: Person | undefined, rng: Rng): string {
  // A person mostly sticks to one browser.
  if (person && rng.chance(0.85)) return BROWSERS[person.browser % BROWSERS.length] as string;
  return rng.pick(BROWSERS);
}

/** Someone outside the organisation: a server or a home connection abroad (networks.ts). */
export function strangerIp(rng: Rng): string {
  return drawAddress(rng.pick(rng.chance(0.15) ? STRANGERS_V6 : STRANGERS).block, rng);
}

/** The context of something a member (or a service account) did. */
export function memberContext(
  pools: Pools,
  actor: Person,
  isService: boolean,
  isLogin: boolean,
  rng: Rng,
  atMs: number,
): AuditLogEventContext {
  if (isService) {
    const ctx: AuditLogEventContext = { context_type: "api", api_authentication_method: "service_account" };
    if (rng.chance(0.97)) ctx.client_ip_address = actor.homeIp;
    if (rng.chance(0.9)) ctx.user_agent = rng.pick(API_CLIENTS);
    return ctx;
  }
  const u = rng.next();
  const type: ContextType = isLogin
    ? u < 0.7
      ? "web"
      : u < 0.88
        ? "desktop"
        : "mobile"
    : u < 0.58
      ? "web"
      : u < 0.72
        ? "desktop"
        : u < 0.82
          ? "mobile"
          : u < 0.97
            ? "api"
            : u < 0.985
              ? "email"
              : "asana";
  const ctx: AuditLogEventContext = { context_type: type };
  switch (type) {
    case "api": {
      const m = rng.next();
      if (m < 0.55) {
        ctx.api_authentication_method = "oauth";
        ctx.oauth_app_name = rng.pick(pools.oauthApps);
      } else if (m < 0.9) ctx.api_authentication_method = "personal_access_token";
      else ctx.api_authentication_method = "cookie";
      ctx.client_ip_address = personIp(actor, rng, atMs);
      if (rng.chance(0.85)) ctx.user_agent = rng.pick(API_CLIENTS);
      return ctx;
    }
    case "asana":
      // An automation rule acting for the member; no network origin.
      ctx.rule_name = rng.pick(RULES);
      return ctx;
    case "email":
      return ctx;
    default:
      ctx.client_ip_address = personIp(actor, rng, atMs);
      if (rng.chance(0.97)) {
        ctx.user_agent = type === "web" ? browserAgent(actor, rng) : type === "desktop" ? rng.pick(DESKTOP) : rng.pick(MOBILE);
      }
      return ctx;
  }
}

export function anonymousContext(rng: Rng): AuditLogEventContext {
  return { context_type: "web", client_ip_address: strangerIp(rng), user_agent: browserAgent(undefined, rng) };
}

/** A reseller's consultant: from their office in London, or through Okta's cloud. */
export function externalAdminContext(rng: Rng): AuditLogEventContext {
  return rng.chance(0.5)
    ? { context_type: "web", client_ip_address: drawAddress(PARTNER.block, rng), user_agent: browserAgent(undefined, rng) }
    : { context_type: "api", api_authentication_method: "oauth", oauth_app_name: "Okta", client_ip_address: drawAddress(OKTA, rng) };
}
