"use client";

import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { EMAIL_SECURITY, EMAIL_SECURITY_LABELS, type ChannelKind, type ChannelView } from "@/lib/detections/notify/channel-schema";
import { describedBy, Field, TextField, textareaClass, type FormErrors } from "@/components/ui/form-field";

/** The settings of one kind of channel. On an edit, secrets are empty fields: left empty, they are kept. */
export function KindFields({ formId, kind, channel, errors }: { formId: string; kind: ChannelKind; channel?: ChannelView; errors: FormErrors["fields"] }) {
  const keep = channel ? `Leave empty to keep the saved one (${channel.target}).` : undefined;
  if (kind === "webhook" || kind === "slack") {
    return (
      <>
        <TextField
          formId={formId}
          name="url"
          type="url"
          label={kind === "slack" ? "Slack webhook URL" : "Webhook URL"}
          placeholder={kind === "slack" ? "https://hooks.slack.com/services/…" : "https://siem.example.com/hooks/asana-audit"}
          hint={keep ?? (kind === "slack" ? "From a Slack app's Incoming Webhooks page. It is stored encrypted and never shown again." : "Alerts are POSTed here as signed JSON. It is stored encrypted and never shown again.")}
          error={errors.url}
          autoComplete="off"
          required={!channel}
        />
        {kind === "webhook" && !channel ? (
          <TextField
            formId={formId}
            name="signingSecret"
            type="password"
            label="Signing secret (optional)"
            hint="Leave empty to have one generated: it is shown once, after saving."
            error={errors.signingSecret}
            autoComplete="new-password"
          />
        ) : null}
        {kind === "webhook" && channel ? (
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="rotateSigningSecret" className="mt-0.5 accent-(--primary)" />
            <span>
              Make a new signing secret <span className="text-muted-foreground">— shown once after saving; the receiver must be given it</span>
            </span>
          </label>
        ) : null}
      </>
    );
  }
  const email = channel?.settings.kind === "email" ? channel.settings : undefined;
  const toId = `${formId}-to`;
  const securityId = `${formId}-security`;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-[1fr_7rem]">
        <TextField formId={formId} name="host" label="SMTP server" placeholder="smtp.example.com" defaultValue={email?.host} error={errors.host} autoComplete="off" />
        <TextField formId={formId} name="port" label="Port" type="number" inputMode="numeric" min={1} max={65535} defaultValue={email?.port ?? 587} error={errors.port} />
      </div>
      <Field id={securityId} label="Connection security" error={errors.security}>
        <Select name="security" defaultValue={email?.security ?? "starttls"}>
          <SelectTrigger id={securityId} className="w-full" {...describedBy(securityId, errors.security, false)}>
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {EMAIL_SECURITY.map((s) => (
              <SelectItem key={s} value={s}>
                {EMAIL_SECURITY_LABELS[s]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField formId={formId} name="user" label="User name (optional)" defaultValue={email?.user ?? ""} error={errors.user} autoComplete="off" />
        <TextField
          formId={formId}
          name="password"
          type="password"
          label="Password (optional)"
          hint={channel?.hasSecret ? "Leave empty to keep the saved one." : undefined}
          error={errors.password}
          autoComplete="new-password"
        />
      </div>
      {channel?.hasSecret ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="clearPassword" className="accent-(--primary)" />
          Remove the saved password
        </label>
      ) : null}
      <TextField formId={formId} name="from" type="email" label="From" placeholder="audit-alerts@example.com" defaultValue={email?.from} error={errors.from} />
      <Field id={toId} label="To" hint="One or more addresses, separated by commas or new lines." error={errors.to}>
        <textarea id={toId} name="to" rows={2} defaultValue={email?.to.join("\n")} className={textareaClass} placeholder="security@example.com" {...describedBy(toId, errors.to)} />
      </Field>
    </>
  );
}
