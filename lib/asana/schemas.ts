import { z } from "zod";

/**
 * zod schemas for what Asana's audit log endpoint returns. Objects are loose: fields Asana
 * adds later pass through untouched. The page envelope is checked strictly (a broken page is
 * an upstream error); each event is checked on its own so that one malformed record is
 * quarantined instead of failing the page.
 */

const isoInstant = z.iso.datetime({ offset: true, precision: undefined });

export const auditLogEventSchema = z.looseObject({
  gid: z.string().min(1),
  created_at: isoInstant,
  event_type: z.string().min(1),
  event_category: z.string().optional(),
  actor: z.looseObject({
    actor_type: z.string().min(1),
    gid: z.string().optional(),
    name: z.string().nullable().optional(),
    email: z.string().nullable().optional(),
  }),
  resource: z
    .looseObject({
      resource_type: z.string().optional(),
      resource_subtype: z.string().nullable().optional(),
      gid: z.string().optional(),
      name: z.string().nullable().optional(),
      email: z.string().nullable().optional(),
    })
    .optional(),
  context: z
    .looseObject({
      context_type: z.string().optional(),
      api_authentication_method: z.string().nullable().optional(),
      client_ip_address: z.string().nullable().optional(),
      user_agent: z.string().nullable().optional(),
      oauth_app_name: z.string().nullable().optional(),
      rule_name: z.string().nullable().optional(),
      on_behalf_of_user_id: z.union([z.number(), z.string()]).nullable().optional(),
    })
    .optional(),
  details: z.record(z.string(), z.unknown()).nullable().optional(),
});

export type AuditLogEvent = z.infer<typeof auditLogEventSchema>;

export const nextPageSchema = z.looseObject({
  offset: z.string().min(1),
  path: z.string().optional(),
  uri: z.string().optional(),
});

export const auditLogPageSchema = z.looseObject({
  data: z.array(z.unknown()),
  next_page: nextPageSchema.nullable().optional(),
});

export type AuditLogPage = z.infer<typeof auditLogPageSchema>;

export const asanaErrorBodySchema = z.looseObject({
  errors: z.array(z.looseObject({ message: z.string(), help: z.string().optional(), phrase: z.string().optional() })).min(1),
});

/** Checks one upstream record; on failure, says which fields are wrong and how. */
export function checkEvent(record: unknown): { ok: true; event: AuditLogEvent } | { ok: false; reason: string } {
  const result = auditLogEventSchema.safeParse(record);
  if (result.success) return { ok: true, event: result.data };
  const reason = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join(".") || "(record)"}: ${i.message}`)
    .join("; ");
  return { ok: false, reason };
}
