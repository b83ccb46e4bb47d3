"use client";

import type { ReactNode } from "react";
import { DataText } from "@/components/ui/data-text";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { hasHiddenCharacters } from "@/lib/format/visible-text";
import { ApiError } from "@/lib/query/query-client";

/** Messages of a refused save, per field ("to.0" counts as "to", and as itself), and the rest. */
export interface FormErrors {
  fields: Record<string, string>;
  general: string | null;
}

export function formErrors(error: unknown): FormErrors {
  if (!error) return { fields: {}, general: null };
  const issues = error instanceof ApiError ? (error.details as { issues?: Array<{ field: string; message: string }> } | undefined)?.issues : undefined;
  const fields: Record<string, string> = {};
  for (const issue of issues ?? []) {
    fields[issue.field.split(".")[0]!] ??= issue.message;
    fields[issue.field] ??= issue.message;
  }
  const known = Object.keys(fields).length > 0;
  return { fields, general: known && !("(input)" in fields) ? null : error instanceof Error ? error.message : "It could not be saved." };
}

export const textareaClass =
  "min-h-16 w-full rounded-md border border-input bg-background px-3 py-2 text-sm shadow-xs outline-none placeholder:text-muted-foreground focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25 aria-invalid:border-destructive dark:bg-input/20";

/** A labelled field with its hint and its error, tied to the control for screen readers. */
export function Field({ id, label, hint, error, children }: { id: string; label: string; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The ARIA attributes of a control whose field has a hint and may have an error. */
export const describedBy = (id: string, error: string | undefined, hint = true) => ({
  "aria-invalid": error ? true : undefined,
  "aria-describedby": [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined,
});

/**
 * Under a field whose value holds characters that are not drawn (a bidi control reorders what
 * the input shows; a zero-width space shows nothing): the value as the app shows stored text.
 */
export function HiddenCharacters({ value }: { value: unknown }) {
  if (typeof value !== "string" || !hasHiddenCharacters(value)) return null;
  return (
    <p className="text-xs text-muted-foreground" data-testid="hidden-characters">
      Holds characters that are not drawn: <DataText value={value} max={200} />
    </p>
  );
}

/** A text input as a Field. */
export function TextField({ formId, name, label, hint, error, ...props }: { formId: string; name: string; label: string; hint?: ReactNode; error?: string } & React.ComponentProps<typeof Input>) {
  const id = `${formId}-${name}`;
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <Input id={id} name={name} {...describedBy(id, error, Boolean(hint))} {...props} />
      <HiddenCharacters value={props.value ?? props.defaultValue} />
    </Field>
  );
}
