import { z } from "zod";
import { parseZoneChoice } from "@/lib/events/view";
import { detailsCondition, durationSeconds, LIMITS, ruleCondition, ruleQueryText } from "@/lib/detections/rule";

/** What a backtest needs of a rule (the form's current state, saved or not) and how far back to look. */
export const backtestInput = z.object({
  rule: z
    .object({
      query: ruleQueryText,
      detailsMatch: z.array(detailsCondition).max(LIMITS.detailsConditions).default([]),
      dedupSeconds: durationSeconds(LIMITS.dedupSeconds),
    })
    .and(ruleCondition),
  days: z.number().int().min(1).max(400).default(90),
  /** The zone the links to the events open in (the page's). */
  tz: z
    .string()
    .max(80)
    .default("local")
    .superRefine((value, ctx) => {
      const zone = parseZoneChoice(value);
      if (typeof zone === "object") ctx.addIssue({ code: "custom", message: zone.error });
    }),
});
export type BacktestInput = z.input<typeof backtestInput>;
