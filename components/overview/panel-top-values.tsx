"use client";

import { Link } from "@/components/ui/link";
import { useQuery } from "@tanstack/react-query";
import { UserRound } from "lucide-react";
import type { EventFilter } from "@/lib/events/filters";
import { drillDown } from "@/lib/events/filter-ops";
import { visibleText } from "@/lib/format/visible-text";
import { panelQuery } from "@/lib/stats/query";
import type { TopValues } from "@/lib/stats/top-values";
import { ChartBarListTopValues, type TopRow } from "@/components/charts/chart-bar-list-top-values";
import { actorTypeLabel, actorTypeName } from "@/components/charts/chart-colors";
import { ChartPanel } from "@/components/charts/chart-panel";
import { CountTable } from "@/components/charts/count-table";
import { actorHref, hasActorPage } from "@/components/links/entity-links";
import { DataText } from "@/components/ui/data-text";
import { MaybeLink } from "@/components/ui/maybe-link";

const PANELS = {
  actor: { panel: "top-actors", title: "Top actors", label: "Actor", empty: "No actor acted in this range." },
  ip: { panel: "top-ips", title: "Top IP addresses", label: "IP address", empty: "No event with an IP address in this range." },
  oauthApp: { panel: "top-apps", title: "Top OAuth apps", label: "OAuth app", empty: "No event through an OAuth app in this range." },
} as const;

function rows(filter: EventFilter, dimension: keyof typeof PANELS, data: TopValues): TopRow[] {
  return data.rows.map((r, i) => {
    // An actor's value is its key (the gid for users), which names that actor alone in a filter.
    const href = r.cut || (dimension === "actor" && !hasActorPage(r.value)) ? null : drillDown(filter, dimension, r.value);
    const key = `${i}:${r.value}`;
    if (dimension !== "actor") return { key, label: <DataText value={r.value} max={200} cut={r.cut} className={dimension === "ip" ? "font-mono text-xs" : undefined} />, count: r.count, href };
    const name = r.actor?.name ?? r.actor?.email ?? (r.actor ? actorTypeName(r.actor.actorType) : r.value);
    const timeline = hasActorPage(r.value) ? actorHref(r.value, filter) : null;
    return {
      key,
      label: (
        <MaybeLink href={timeline} className="font-medium underline-offset-2 hover:underline" data-testid="top-actor-link">
          <DataText value={name} max={200} />
        </MaybeLink>
      ),
      sublabel: (
        <>
          {r.actor?.email && r.actor.email !== name ? (
            <>
              <DataText value={r.actor.email} max={200} /> ·{" "}
            </>
          ) : null}
          {r.actor ? actorTypeLabel(r.actor.actorType) : null}
        </>
      ),
      count: r.count,
      href,
      extra: timeline ? (
        <Link href={timeline} aria-label={`Timeline of ${visibleText(name, 100)}`} title="Timeline" className="text-muted-foreground hover:text-foreground">
          <UserRound className="size-3.5" />
        </Link>
      ) : undefined,
    };
  });
}

export function PanelTopValues({ filter, dimension }: { filter: EventFilter; dimension: keyof typeof PANELS }) {
  const spec = PANELS[dimension];
  const query = useQuery(panelQuery(spec.panel, filter));
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
