"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { UserRound } from "lucide-react";
import type { EventFilter } from "@/lib/events/filters";
import { eventsHref, narrow } from "@/lib/stats/filter-ops";
import { panelQuery } from "@/lib/stats/query";
import type { TopValues } from "@/lib/stats/top-values";
import { ChartBarListTopValues, type TopRow } from "@/components/charts/chart-bar-list-top-values";
import { actorTypeLabel } from "@/components/charts/chart-colors";
import { ChartPanel } from "@/components/charts/chart-panel";
import { CountTable } from "@/components/charts/count-table";
import { actorHref } from "@/components/actors/actor-link";

const PANELS = {
  actor: { panel: "top-actors", title: "Top actors", label: "Actor", empty: "No actor acted in this range." },
  ip: { panel: "top-ips", title: "Top IP addresses", label: "IP address", empty: "No event with an IP address in this range." },
  oauthApp: { panel: "top-apps", title: "Top OAuth apps", label: "OAuth app", empty: "No event through an OAuth app in this range." },
} as const;

function rows(filter: EventFilter, dimension: keyof typeof PANELS, data: TopValues): TopRow[] {
  return data.rows.map((r) => {
    const href = eventsHref(narrow(filter, dimension, r.value));
    if (dimension !== "actor") return { key: r.value, label: <span className={dimension === "ip" ? "font-mono text-xs" : undefined}>{r.value}</span>, count: r.count, href };
    const name = r.actor?.name ?? r.actor?.email ?? r.value;
    return {
      key: r.value,
      label: (
        <Link href={actorHref(r.value, filter)} className="font-medium underline-offset-2 hover:underline" data-testid="top-actor-link">
          {name}
        </Link>
      ),
      sublabel: [r.actor?.email && r.actor.email !== name ? r.actor.email : null, r.actor ? actorTypeLabel(r.actor.actorType) : null].filter(Boolean).join(" · "),
      count: r.count,
      href,
      extra: (
        <Link href={actorHref(r.value, filter)} aria-label={`Timeline of ${name}`} title="Timeline" className="text-muted-foreground hover:text-foreground">
          <UserRound className="size-3.5" />
        </Link>
      ),
    };
  });
}

export function PanelTopValues({ filter, dimension }: { filter: EventFilter; dimension: keyof typeof PANELS }) {
  const spec = PANELS[dimension];
  const query = useQuery(panelQuery(spec.panel, filter, "category"));
  return (
    <ChartPanel
      title={spec.title}
      query={query}
      height={200}
      testId={`panel-${spec.panel}`}
      isEmpty={(d) => d.rows.length === 0}
      emptyTitle="Nothing to rank"
      emptyDescription={spec.empty}
      chart={(d) => <ChartBarListTopValues rows={rows(filter, dimension, d)} testId={`${spec.panel}-list`} />}
      table={(d) => (
        <CountTable rows={rows(filter, dimension, d).map((r) => ({ ...r, detail: r.sublabel }))} label={spec.label} />
      )}
    />
  );
}
