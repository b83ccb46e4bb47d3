import { z } from "zod";
import { parseEventParams } from "@/lib/events/search-params";

export const TIME_MODES = ["relative", "absolute"] as const;
export type TimeMode = (typeof TIME_MODES)[number];

/** A view's search string, checked with the explorer's own parser: a saved query always opens. */
const search = z
  .string()
  .max(8_000, "the view's URL is too long to save")
  .transform((value) => (value.startsWith("?") ? value.slice(1) : value))
  .superRefine((value, ctx) => {
    const parsed = parseEventParams(new URLSearchParams(value));
    if (!parsed.ok) for (const e of parsed.errors) ctx.addIssue({ code: "custom", message: `${e.param}: ${e.message}` });
  });

const name = z.string().trim().min(1, "give the query a name").max(120, "keep the name under 120 characters");
const note = z
  .string()
  .trim()
  .max(2_000, "keep the note under 2,000 characters")
  .nullish()
  .transform((v) => v || null);

export const createSavedQueryInput = z.object({ name, note, search, timeMode: z.enum(TIME_MODES).default("relative") });
export type CreateSavedQueryInput = z.input<typeof createSavedQueryInput>;

export const updateSavedQueryInput = z
  // A note left out stays as it is (it was cleared: a rename wiped it); null clears it.
  .object({ name: name.optional(), note: note.optional(), search: search.optional(), timeMode: z.enum(TIME_MODES).optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "nothing to change");
export type UpdateSavedQueryInput = z.input<typeof updateSavedQueryInput>;

export interface SavedQueryView {
  id: string;
  name: string;
  note: string | null;
  search: string;
  timeMode: TimeMode;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  lastOpenedAt: string | null;
}
