import { badRequest } from "@/lib/http/errors";
import type { EventFilter } from "./filters";
import { parseEventParams } from "./search-params";
import type { EventView } from "./view";

/**
 * Reads the explorer's parameters from an API request, the same ones its page URL carries,
 * plus an endpoint's own `extra` keys (returned separately). Anything wrong is a 400 that
 * lists each parameter and what is wrong with it.
 */
export function readEventParams<K extends string>(
  searchParams: URLSearchParams,
  extra: readonly K[] = [],
): { filter: EventFilter; view: EventView; extra: Record<K, string | null> } {
  const params = new URLSearchParams(searchParams);
  const values = {} as Record<K, string | null>;
  const errors: Array<{ param: string; message: string }> = [];
  for (const key of extra) {
    const all = params.getAll(key);
    if (all.length > 1) errors.push({ param: key, message: `"${key}" is given more than once` });
    values[key] = all[0] ?? null;
    params.delete(key);
  }
  const parsed = parseEventParams(params);
  if (!parsed.ok) errors.push(...parsed.errors);
  if (errors.length > 0 || !parsed.ok) {
    throw badRequest(errors.map((e) => `${e.param}: ${e.message}`).join("; "), { errors });
  }
  return { filter: parsed.filter, view: parsed.view, extra: values };
}
