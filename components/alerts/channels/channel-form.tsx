"use client";

import { useState, type FormEvent } from "react";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { SEVERITIES } from "@/lib/detections/rule";
import { CHANNEL_KIND_LABELS, CHANNEL_KINDS, type ChannelKind, type ChannelView } from "@/lib/detections/notify/channel-schema";
import { Field, TextField, type FormErrors } from "@/components/ui/form-field";
import { KindFields } from "./kind-fields";
import { RoutingField } from "./routing-field";

const text = (data: FormData, name: string) => String(data.get(name) ?? "").trim();

/**
 * What the form sends: every setting shown, and a secret only when one was typed (an edit
 * without one keeps the saved secret). The server checks it all and answers per field.
 */
function payload(data: FormData, kind: ChannelKind, editing: boolean): Record<string, unknown> {
  const common = {
    name: text(data, "name"),
    minSeverity: text(data, "minSeverity") || "low",
    ruleIds: data.get("routing") === "only" ? data.getAll("ruleIds").map(String) : [],
    enabled: data.get("enabled") === "on",
  };
  const typed = (name: string) => (text(data, name) ? { [name]: text(data, name) } : {});
  if (kind === "webhook") return { ...common, ...typed("url"), ...(editing ? (data.get("rotateSigningSecret") === "on" ? { rotateSigningSecret: true } : {}) : typed("signingSecret")) };
  if (kind === "slack") return { ...common, ...typed("url") };
  const password = data.get("clearPassword") === "on" ? { password: null } : typed("password");
  const port = text(data, "port");
  return {
    ...common,
    host: text(data, "host"),
    port: port === "" ? undefined : Number(port),
    security: text(data, "security") || "starttls",
    user: text(data, "user") || null,
    ...password,
    from: text(data, "from"),
    to: text(data, "to").split(/[\s,;]+/).filter(Boolean),
  };
}

/** Create or edit a channel. The kind is chosen once, at creation. */
export function ChannelForm({ id, channel, errors, onSubmit }: { id: string; channel?: ChannelView; errors: FormErrors; onSubmit: (input: Record<string, unknown> & { kind: ChannelKind }) => void }) {
  const [kind, setKind] = useState<ChannelKind>(channel?.kind ?? "webhook");
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit({ kind, ...payload(new FormData(event.currentTarget), kind, Boolean(channel)) });
  };
  const severityId = `${id}-minSeverity`;
  return (
    <form id={id} onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {channel ? null : (
        <fieldset className="grid gap-2">
          <legend className="mb-1.5 text-sm font-medium">Kind</legend>
          <div className="flex flex-wrap gap-4">
            {CHANNEL_KINDS.map((k) => (
              <label key={k} className="flex items-center gap-2 text-sm">
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="accent-(--primary)" />
                {CHANNEL_KIND_LABELS[k]}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <TextField formId={id} name="name" label="Name" placeholder="e.g. Security on-call" defaultValue={channel?.name} maxLength={120} error={errors.fields.name} autoFocus />
      {/* A key per kind: switching kinds starts that kind's fields empty. */}
      <KindFields key={kind} formId={id} kind={kind} channel={channel} errors={errors.fields} />
      <Field id={severityId} label="Lowest severity sent" error={errors.fields.minSeverity}>
        <Select name="minSeverity" defaultValue={channel?.minSeverity ?? "low"}>
          <SelectTrigger id={severityId} className="w-48">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {SEVERITIES.map((s) => (
              <SelectItem key={s} value={s}>
                {s === "low" ? "Low (every alert)" : `${s[0]!.toUpperCase()}${s.slice(1)} and above`}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </Field>
      <RoutingField formId={id} initial={channel?.ruleIds ?? []} error={errors.fields.ruleIds} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={channel?.enabled ?? true} className="accent-(--primary)" />
        Send alerts through this channel
      </label>
      {errors.general ? (
        <p role="alert" className="text-sm text-destructive">
          {errors.general}
        </p>
      ) : null}
    </form>
  );
}
