"use client";

import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { toast } from "sonner";
import { describedBy, Field, formErrors, HiddenCharacters, TextField, textareaClass } from "@/components/ui/form-field";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { CONDITIONS, SEEN_FIELDS, SEVERITIES, type GroupKey } from "@/lib/detections/rule";
import { visibleText } from "@/lib/format/visible-text";
import { useCreateRule, useDeleteRule, useUpdateRule } from "@/lib/rules/query";
import type { RuleView } from "@/lib/rules/view";
import { BacktestPanel } from "./backtest-panel";
import { conditionOf, toInput, type Duration, type RuleDraft, type Unit } from "./rule-draft";

const FORM = "rule";
/** The condition settings that have a field of their own, where the server's message about them is shown. */
const SETTING_FIELDS = ["threshold", "windowSeconds", "then", "lookbackSeconds", "marker", "cancel", "speedKmh", "accuracyKm"] as const;
const selectClass = "h-9 rounded-md border border-input bg-background px-2 text-sm shadow-xs focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 outline-none";

const CONDITION_LABELS = { match: "Every match", threshold: "A number of matches within a time window", first_seen: "A value seen for the first time", after: "Activity after a marker event", travel: "Impossible travel between places" } as const;
const GROUP_LABELS: Record<GroupKey, string> = { actor: "actor", ip: "address", resource: "resource", app: "app", none: "nothing (one alert for all)" };
const SEEN_LABELS = { ip: "address", country: "country (of the address)", userAgent: "user agent", oauthApp: "OAuth app", resource: "resource" } as const;

function Select<T extends string>({ id, value, options, onChange, labels, ...rest }: { id: string; value: T; options: readonly T[]; labels: Record<T, string>; onChange: (value: T) => void } & Record<`aria-${string}`, unknown>) {
  return (
    <select id={id} className={selectClass} value={value} onChange={(e) => onChange(e.target.value as T)} {...rest}>
      {options.map((o) => (
        <option key={o} value={o}>
          {labels[o]}
        </option>
      ))}
    </select>
  );
}

function DurationField({ id, label, value, onChange, error, hint }: { id: string; label: string; value: Duration; onChange: (d: Duration) => void; error?: string; hint?: ReactNode }) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <div className="flex gap-2">
        <Input id={id} type="number" min={1} className="w-28" value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })} {...describedBy(id, error, Boolean(hint))} />
        <select aria-label={`${label}: unit`} className={selectClass} value={value.unit} onChange={(e) => onChange({ ...value, unit: e.target.value as Unit })}>
          <option value="minutes">minutes</option>
          <option value="hours">hours</option>
          <option value="days">days</option>
        </select>
      </div>
    </Field>
  );
}

/**
 * Creates or edits a rule: the events it looks at (query-bar text and conditions on details),
 * its condition, severity and deduplication, and what an admin reads on its alerts. Beside
 * it, how often it would have fired over the stored history, as it is being edited.
 */
export function RuleForm({ rule, initial }: { rule?: RuleView; initial: RuleDraft }) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const set = <K extends keyof RuleDraft>(key: K, value: RuleDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const create = useCreateRule();
  const update = useUpdateRule();
  const remove = useDeleteRule();
  const [deleting, setDeleting] = useState(false);
  const saving = create.isPending || update.isPending;
  const errors = formErrors(create.error ?? update.error);
  const settingError = (name: (typeof SETTING_FIELDS)[number]) => errors.fields[`settings.${name}`];
  // A settings problem no field below shows (a select the API was sent a wrong value for).
  const otherSettingsError = SETTING_FIELDS.some((name) => settingError(name)) ? undefined : errors.fields.settings;

  const save = (event: React.FormEvent) => {
    event.preventDefault();
    const input = toInput(draft);
    const done = { onSuccess: (saved: RuleView) => (toast.success(`Saved “${visibleText(saved.name, 120)}”`), router.push("/alerts/rules")) };
    if (rule) update.mutate({ id: rule.id, ...input }, done);
    else create.mutate(input, done);
  };

  const backtestRule = { query: draft.query, detailsMatch: toInput(draft).detailsMatch, dedupSeconds: toInput(draft).dedupSeconds, ...conditionOf(draft) };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_24rem]">
      <form onSubmit={save} className="grid gap-5" aria-label={rule ? `Edit ${visibleText(rule.name, 120)}` : "New rule"} noValidate>
        {errors.general ? (
          <p role="alert" className="rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm text-destructive">
            {errors.general}
          </p>
        ) : null}
        <div className="grid gap-4 sm:grid-cols-[1fr_auto]">
          <TextField formId={FORM} name="name" label="Name" value={draft.name} onChange={(e) => set("name", e.target.value)} error={errors.fields.name} required maxLength={200} />
          <Field id={`${FORM}-severity`} label="Severity" error={errors.fields.severity}>
            <Select id={`${FORM}-severity`} value={draft.severity} options={SEVERITIES} labels={{ low: "Low", medium: "Medium", high: "High", critical: "Critical" }} onChange={(v) => set("severity", v)} />
          </Field>
        </div>

        <fieldset className="grid gap-3 rounded-lg border p-4">
          <legend className="px-1 text-sm font-semibold">Events it looks at</legend>
          <TextField
            formId={FORM}
            name="query"
            label="Query"
            className="font-mono"
            value={draft.query}
            onChange={(e) => set("query", e.target.value)}
            error={errors.fields.query}
            hint="The explorer's query language (type:, category:, actor_type:, ip:, NOT, OR …). Its time range is ignored: every event is judged at its own time."
            placeholder="type:user_login_failed"
          />
          <div className="grid gap-2">
            <p className="text-sm font-medium">Conditions on the event&rsquo;s details</p>
            {draft.details.map((d, i) => (
              <div key={i} className="flex flex-wrap items-center gap-2" data-testid="details-row">
                <Input aria-label={`Details key ${i + 1}`} className="w-40 font-mono" placeholder="new_value" value={d.path} onChange={(e) => set("details", draft.details.map((x, j) => (j === i ? { ...x, path: e.target.value } : x)))} />
                <label className="flex items-center gap-1 text-sm">
                  <Checkbox checked={d.negate} onCheckedChange={(c) => set("details", draft.details.map((x, j) => (j === i ? { ...x, negate: c === true } : x)))} aria-label={`Details condition ${i + 1}: is none of`} />
                  is none of
                </label>
                <Input aria-label={`Details values ${i + 1}`} className="min-w-48 flex-1" placeholder="admin, super_admin" value={d.values} onChange={(e) => set("details", draft.details.map((x, j) => (j === i ? { ...x, values: e.target.value } : x)))} />
                <Button type="button" variant="ghost" size="sm" onClick={() => set("details", draft.details.filter((_, j) => j !== i))}>
                  Remove
                </Button>
              </div>
            ))}
            {errors.fields.detailsMatch ? <p className="text-sm text-destructive">{errors.fields.detailsMatch}</p> : null}
            <div>
              <Button type="button" variant="outline" size="sm" onClick={() => set("details", [...draft.details, { path: "new_value", values: "", negate: false }])}>
                Add a details condition
              </Button>
            </div>
          </div>
        </fieldset>

        <fieldset className="grid gap-3 rounded-lg border p-4">
          <legend className="px-1 text-sm font-semibold">When it raises an alert</legend>
          <Field id={`${FORM}-condition`} label="Condition" error={errors.fields.condition}>
            <Select id={`${FORM}-condition`} value={draft.condition} options={CONDITIONS} labels={CONDITION_LABELS} onChange={(v) => set("condition", v)} />
          </Field>
          {draft.condition !== "after" && draft.condition !== "travel" ? (
            <Field id={`${FORM}-group`} label={draft.condition === "threshold" ? "Counted per" : draft.condition === "first_seen" ? "New for each" : "One alert per"}>
              <Select
                id={`${FORM}-group`}
                value={draft.groupBy}
                options={draft.condition === "first_seen" ? (["actor", "ip", "resource"] as const) : (["actor", "ip", "resource", "app", "none"] as const)}
                labels={GROUP_LABELS}
                onChange={(v) => set("groupBy", v)}
              />
            </Field>
          ) : null}
          {draft.condition === "threshold" ? (
            <>
              <div className="flex flex-wrap gap-4">
                <TextField formId={FORM} name="threshold" label="At least" type="number" min={2} className="w-28" value={draft.threshold} onChange={(e) => set("threshold", e.target.value)} error={settingError("threshold")} />
                <Field id={`${FORM}-distinct`} label="Counting">
                  <select id={`${FORM}-distinct`} className={selectClass} value={draft.distinct} onChange={(e) => set("distinct", e.target.value as RuleDraft["distinct"])}>
                    <option value="">events</option>
                    <option value="actor">different actors</option>
                    <option value="ip">different addresses</option>
                    <option value="resource">different resources</option>
                  </select>
                </Field>
                <DurationField id={`${FORM}-window`} label="Within" value={draft.window} onChange={(d) => set("window", d)} error={settingError("windowSeconds")} />
              </div>
              <TextField
                formId={FORM}
                name="then"
                label="Then (optional)"
                className="font-mono"
                value={draft.then}
                onChange={(e) => set("then", e.target.value)}
                error={settingError("then")}
                placeholder="type:user_login_succeeded"
                hint="Raise only on an event matching this query from a key that just reached the threshold: a success after failures."
              />
            </>
          ) : null}
          {draft.condition === "first_seen" ? (
            <div className="flex flex-wrap gap-4">
              <Field id={`${FORM}-field`} label="Value">
                <Select id={`${FORM}-field`} value={draft.field} options={SEEN_FIELDS} labels={SEEN_LABELS} onChange={(v) => set("field", v)} />
              </Field>
              <DurationField id={`${FORM}-lookback`} label="Not seen within" value={draft.lookback} onChange={(d) => set("lookback", d)} error={settingError("lookbackSeconds")} />
            </div>
          ) : null}
          {draft.condition === "after" ? (
            <>
              <TextField formId={FORM} name="marker" label="Marker event (its resource is the actor watched)" className="font-mono" value={draft.marker} onChange={(e) => set("marker", e.target.value)} error={settingError("marker")} placeholder="type:user_deprovisioned" />
              <TextField formId={FORM} name="cancel" label="Unless, in between (optional)" className="font-mono" value={draft.cancel} onChange={(e) => set("cancel", e.target.value)} error={settingError("cancel")} placeholder="type:user_reprovisioned" />
            </>
          ) : null}
          {draft.condition === "travel" ? (
            <div className="grid gap-2">
              <div className="flex flex-wrap gap-4">
                <TextField formId={FORM} name="speedKmh" label="Faster than (km/h)" type="number" min={100} className="w-28" value={draft.speedKmh} onChange={(e) => set("speedKmh", e.target.value)} error={settingError("speedKmh")} />
                <TextField formId={FORM} name="accuracyKm" label="Allowed at each end (km)" type="number" min={0} className="w-28" value={draft.accuracyKm} onChange={(e) => set("accuracyKm", e.target.value)} error={settingError("accuracyKm")} />
              </div>
              <p className="text-xs text-muted-foreground">
                Each matching event is compared with the same actor&rsquo;s previous and next located one (addresses of unknown place are passed over). An airliner cruises at about 900 km/h; city-level locations may be 50 km off their city&rsquo;s centre.
              </p>
            </div>
          ) : null}
          {otherSettingsError ? <p className="text-sm text-destructive">{otherSettingsError}</p> : null}
          <DurationField
            id={`${FORM}-dedup`}
            label="Join matches into one alert within"
            value={draft.dedup}
            onChange={(d) => set("dedup", d)}
            error={errors.fields.dedupSeconds}
            hint="Matches of the same key this close to an open alert's last event are added to it instead of raising another."
          />
          <label className="flex items-center gap-2 text-sm">
            <Checkbox checked={draft.enabled} onCheckedChange={(c) => set("enabled", c === true)} />
            On: judge new events with this rule
          </label>
        </fieldset>

        <fieldset className="grid gap-3 rounded-lg border p-4">
          <legend className="px-1 text-sm font-semibold">For whoever reads the alert</legend>
          <Field id={`${FORM}-description`} label="Description">
            <textarea id={`${FORM}-description`} className={textareaClass} value={draft.description} onChange={(e) => set("description", e.target.value)} maxLength={4_000} />
            <HiddenCharacters value={draft.description} />
          </Field>
          <Field id={`${FORM}-runbook`} label="Runbook">
            <textarea id={`${FORM}-runbook`} className={textareaClass} value={draft.runbook} onChange={(e) => set("runbook", e.target.value)} maxLength={8_000} />
            <HiddenCharacters value={draft.runbook} />
          </Field>
          <TextField formId={FORM} name="helpUrl" label="Help link (https)" value={draft.helpUrl} onChange={(e) => set("helpUrl", e.target.value)} error={errors.fields.helpUrl} />
        </fieldset>

        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={saving}>
            {saving ? "Saving…" : rule ? "Save changes" : "Create rule"}
          </Button>
          <Button type="button" variant="outline" onClick={() => router.push("/alerts/rules")}>
            Cancel
          </Button>
          {rule && !rule.builtin ? (
            <Button type="button" variant="ghost" className="ml-auto text-destructive" onClick={() => setDeleting(true)}>
              Delete
            </Button>
          ) : null}
        </div>
        <Label className="sr-only">{rule ? `Rule ${rule.id}, version ${rule.version}` : "New rule"}</Label>
      </form>
      <ConfirmDeleteDialog
        target={deleting ? (rule ?? null) : null}
        onClose={() => setDeleting(false)}
        description="It stops judging new events. A rule that has raised alerts cannot be deleted (its alerts keep it): switch it off instead."
        mutation={remove}
        onDeleted={() => router.push("/alerts/rules")}
      />
      <aside className="lg:sticky lg:top-4 lg:self-start">
        <BacktestPanel rule={backtestRule} tz="local" />
      </aside>
    </div>
  );
}
