/**
 * Values Asana documents for the audit log, declared once: they feed zod schemas, filter
 * parsers, dropdowns and types. Values outside these lists still arrive (Asana adds new
 * ones) and are kept, never dropped.
 */
export const ACTOR_TYPES = ["user", "asana", "asana_support", "anonymous", "external_administrator"] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

export const CONTEXT_TYPES = ["web", "desktop", "mobile", "asana_support", "asana", "email", "api"] as const;
export type ContextType = (typeof CONTEXT_TYPES)[number];

export const AUTH_METHODS = ["cookie", "oauth", "personal_access_token", "service_account"] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** The earliest moment Asana's audit log has events for. */
export const AUDIT_LOG_EPOCH = new Date("2021-10-08T00:00:00.000Z");

/** How long Asana keeps events. */
export const RETENTION_DAYS = 90;
