/**
 * Asana audit log API emulator: GET /api/1.0/workspaces/{workspace_gid}/audit_log_events over a
 * deterministic synthetic organisation, with Asana's paging, errors, rate limits and faults.
 *
 *   const emu = await startEmulator({ seed: 42, events: 100_000, rateLimit: false });
 *   // official client: client.basePath = emu.apiBase; client.authentications.token.accessToken = emu.token
 *   emu.control.failNext(503, 2);            // the next two requests fail
 *   emu.control.addGenerated(10, { lateByMs: 20 * 60_000 }); // late arrivals for a poller
 *   await emu.close();
 */
export { startEmulator, type Emulator, type EmulatorOptions } from "./server";
export type { EmulatorControl, AddOptions, GenerateOptions } from "./control";
export type { RuntimeSettings } from "./core";
export type { EmulatorStats } from "./stats";
export type { FaultKind, FaultSettings } from "./faults";
export type { LiveSettings } from "./live";
export type { RateLimitSettings } from "./rate-limit";
export { generateOrganisation, DEFAULT_WORKSPACE_GID, type Organisation, type OrganisationOptions } from "./organisation";
export { oddEvent, oddEvents, ODDITY_KINDS, type OddityKind } from "./malformed";
export { manualClock, type ManualClock } from "./clock";
export { EVENT_TYPES, EVENT_TYPE_INDEX, type EventTypeInfo } from "./event-types";
export { MESSAGES, ERROR_HELP } from "./errors";
export { AUDIT_LOG_EPOCH_MS } from "./stream";
export type * from "./types";
export { ACTOR_TYPES } from "./types";
export { RawJson, recordText, recordValue } from "./raw-json";
export { HOSTILE_KINDS, hostileHistory, hostileRecord, hostileGid, type HostileKind, type HostileEntry } from "./hostile";
