"use client";

import { useState } from "react";
import { CircleHelp } from "lucide-react";
import { DIMENSION_SPECS, DIMENSIONS } from "@/lib/events/filters";
import { fieldNames } from "@/lib/events/query-fields";
import { Button } from "@/components/ui/button";
import { Sheet, SheetBody, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";

const EXAMPLES = [
  ["NOT category:logins", "everything but sign-ins"],
  ["type:task_deleted OR type:project_deleted", "either event type (also type:task_deleted,project_deleted)"],
  ["actor:*@contractor.com", "every actor with an e-mail at that domain"],
  ["(type:user_login_failed OR type:user_login_succeeded) -ip:10.0.0.0/8", "sign-ins from outside an address range"],
  ["type:user_login_failed OR actor_type:external_administrator", "an OR across two fields"],
  ["@actor.email:alice@example.com event_category:admin_settings", "Asana's and Datadog's field names work too"],
  ["type:*_deleted since:30d", "a wildcard over event types, the last 30 days"],
  ["country:DE,FR -hosting:true", "from Germany or France, not from a hosting provider's network"],
  ['org:amazon OR asn:15169', "a network by part of its organisation's name (any case) or by its number"],
  ["ip:* -country:*", "from addresses no location database places (private, documentation or unlisted)"],
  ["2fa", "free text also finds event types by name or label"],
  ['"quarterly plan" -draft', "a phrase in names, e-mails and details, without a word"],
  ["from:2026-11-20 to:2026-11-21", "an absolute range (UTC unless an offset is given)"],
  ["since:today", "a calendar range in your zone: today, yesterday, this_week, this_month, last_month"],
] as const;

const RULES = [
  ["field:value", "keeps events whose field is the value; field:a,b means either"],
  ["-field:value or NOT …", "leaves them out; NOT also goes before a group"],
  ["a b, a AND b", "both must hold"],
  ["a OR b", "either; NOT binds tightest, then AND, then OR"],
  ["( … )", "groups conditions"],
  ["* and ?", "wildcards in a bare value: any run, one character; literal inside quotes"],
  ['"…"', "a quoted value or phrase; also how to search for the words and, or, not"],
  ["since: from: to:", "the time range, for the whole query (not inside OR or NOT)"],
] as const;

/**
 * The query language's help: syntax, fields with the other names they answer to, and worked
 * examples, each of which applies itself. Operators are read in any case, so "or" is OR.
 */
export function QueryHelp({ onApply }: { onApply: (text: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="size-10" aria-label="Query syntax help">
          <CircleHelp />
        </Button>
      </SheetTrigger>
      <SheetContent className="sm:max-w-lg">
        <SheetHeader>
          <SheetTitle>Query syntax</SheetTitle>
          <SheetDescription>Type conditions, combine them, press Enter. A word the bar does not understand is pointed at, never searched as text.</SheetDescription>
        </SheetHeader>
        <SheetBody className="flex flex-col gap-5 text-[13px]">
          <section aria-labelledby="query-help-examples">
            <h3 id="query-help-examples" className="mb-2 font-medium">
              Examples <span className="font-normal text-muted-foreground">— click one to apply it</span>
            </h3>
            <ul className="grid gap-1.5">
              {EXAMPLES.map(([example, meaning]) => (
                <li key={example}>
                  <button
                    type="button"
                    className="grid w-full gap-0.5 rounded-md px-2 py-1 text-left outline-none hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring/50"
                    onClick={() => {
                      onApply(example);
                      setOpen(false);
                    }}
                  >
                    <code className="font-mono text-[12.5px]">{example}</code>
                    <span className="text-xs text-muted-foreground">{meaning}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="query-help-rules">
            <h3 id="query-help-rules" className="mb-2 font-medium">
              Syntax
            </h3>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
              {RULES.map(([rule, meaning]) => (
                <div key={rule} className="contents">
                  <dt>
                    <code className="font-mono">{rule}</code>
                  </dt>
                  <dd className="text-muted-foreground">{meaning}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section aria-labelledby="query-help-fields">
            <h3 id="query-help-fields" className="mb-2 font-medium">
              Fields
            </h3>
            <dl className="grid gap-1.5 text-xs">
              {DIMENSIONS.map((d) => (
                <div key={d}>
                  <dt>
                    <code className="font-mono">{DIMENSION_SPECS[d].key}</code> <span className="text-muted-foreground">— {DIMENSION_SPECS[d].hint}</span>
                  </dt>
                  {fieldNames(d).length > 1 ? <dd className="text-muted-foreground">also {fieldNames(d).slice(1).join(", ")} (a leading @ is fine)</dd> : null}
                </div>
              ))}
            </dl>
          </section>
        </SheetBody>
      </SheetContent>
    </Sheet>
  );
}
