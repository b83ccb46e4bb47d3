"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { DataText } from "@/components/ui/data-text";
import { Skeleton } from "@/components/ui/skeleton";
import { routableRulesQuery } from "./query";

/**
 * Which rules' alerts the channel gets: every rule's, or only those ticked. The list comes from
 * the rules API; without it, rules already chosen stay listed by id and new ones cannot be picked.
 */
export function RoutingField({ formId, initial, error }: { formId: string; initial: string[]; error?: string }) {
  const [only, setOnly] = useState(initial.length > 0);
  const rules = useQuery({ ...routableRulesQuery(), enabled: only });
  const listId = `${formId}-rules`;
  const options = rules.data ?? initial.map((id) => ({ id, name: id, severity: "", enabled: true }));
  const known = new Set(options.map((r) => r.id));
  const all = [...options, ...initial.filter((id) => !known.has(id)).map((id) => ({ id, name: `${id} (deleted?)`, severity: "", enabled: false }))];
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1.5 text-sm font-medium">Rules</legend>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="routing" value="all" checked={!only} onChange={() => setOnly(false)} className="accent-(--primary)" />
        Alerts of every rule
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="radio" name="routing" value="only" checked={only} onChange={() => setOnly(true)} className="accent-(--primary)" aria-controls={listId} />
        Only alerts of these rules
      </label>
      {only ? (
        <div id={listId} className="ml-6 grid max-h-48 gap-1.5 overflow-y-auto rounded-md border p-2" role="group" aria-label="Rules to send">
          {rules.isPending ? <Skeleton className="h-16" aria-label="Loading rules" /> : null}
          {rules.isError ? (
            <p role="status" className="text-xs text-muted-foreground">
              Rules unavailable: the list of rules could not be loaded{all.length > 0 ? "; the rules already chosen stay chosen" : ""}.
            </p>
          ) : null}
          {!rules.isPending && all.length === 0 && !rules.isError ? <p className="text-xs text-muted-foreground">There are no rules yet.</p> : null}
          {all.map((rule) => (
            <label key={rule.id} className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="ruleIds" value={rule.id} defaultChecked={initial.includes(rule.id)} className="mt-0.5 accent-(--primary)" />
              <span>
                <DataText value={rule.name} max={120} />
                {rule.severity ? <span className="text-xs text-muted-foreground"> · {rule.severity}</span> : null}
                {!rule.enabled ? <span className="text-xs text-muted-foreground"> · off</span> : null}
              </span>
            </label>
          ))}
        </div>
      ) : null}
      {error ? <p className="text-sm text-destructive">{error}</p> : null}
    </fieldset>
  );
}
