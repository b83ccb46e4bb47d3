-- Each (month, actor type) list of the per-value rollup, largest totals first, with the value
-- last so that reading a list's head needs no row (lib/stats/exact-top-values.ts reads the
-- heads of these lists instead of summing every value of a range: at ten million events a
-- month holds 66,000 address rows, most of them seen once).
CREATE INDEX "event_value_rollup_monthly_total_idx" ON "event_value_rollup_monthly"("dimension", "month", "actor_type", "total" DESC, "value");
