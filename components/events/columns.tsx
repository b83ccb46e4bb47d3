"use client";

import type { ReactNode } from "react";
import { categoryLabel, eventTypeLabel, humanize } from "@/lib/asana/event-types";
import type { EventRow } from "@/lib/events/event-row";
import { isGid, type Condition } from "@/lib/events/filters";
import { hasActorPage } from "@/components/links/entity-links";
import { actorPhrase } from "@/lib/events/summarise-event";
import { visibleText } from "@/lib/format/visible-text";
import { COLUMN_LABELS, type EventColumn, type TimeZoneChoice } from "@/lib/events/view";
import { FilterValue } from "@/components/filters/filter-value";
import { DataText } from "@/components/ui/data-text";
import { EventTime } from "./event-time";
import { AddressPlace, CountryCell, HostingBadge, NetworkCell } from "./place-cells";

export interface CellContext {
  tz: TimeZoneChoice;
  onFilter: (condition: Condition) => void;
}

export interface ColumnDef {
  id: EventColumn;
  header: string;
  /** Width of the column (the table's layout is fixed, so long values truncate instead of widening it). */
  width: string;
  /** A fixed width's rems: the table grows by them (and scrolls sideways) instead of squeezing the other columns. */
  rem?: number;
  /** Wrapping and type of the column's cells. */
  className: string;
  cell: (row: EventRow, ctx: CellContext) => ReactNode;
}

const Muted = ({ children }: { children: ReactNode }) => <span className="text-xs text-muted-foreground">{children}</span>;
const none = <span className="text-muted-foreground/60">—</span>;
/** Room for any real value in a cell; lists already cut at 500 characters, and say so by `cut`. */
const CELL_MAX = 200;
const Value = ({ row, field, value }: { row: EventRow; field: keyof NonNullable<EventRow["cut"]>; value: string }) => (
  <DataText value={value} max={CELL_MAX} fullLength={row.cut?.[field]} />
);

/** Every column the explorer can show; the URL's `cols` picks which, in this order. */
export const COLUMNS: Record<EventColumn, ColumnDef> = {
  time: {
    id: "time",
    header: COLUMN_LABELS.time,
    width: "w-[8.5rem]",
    className: "whitespace-nowrap font-mono text-xs",
    cell: (row, { tz }) => <EventTime iso={row.createdAt} tz={tz} stacked />,
  },
  event: {
    id: "event",
    header: COLUMN_LABELS.event,
    width: "w-[20%]",
    className: "",
    cell: (row, { onFilter }) => (
      <div className="flex min-w-0 flex-col">
        <FilterValue dimension="eventType" value={row.eventType} onFilter={onFilter} label={eventTypeLabel(row.eventType)} className="font-medium">
          {eventTypeLabel(row.eventType)}
        </FilterValue>
        {row.eventCategory ? (
          <FilterValue dimension="category" value={row.eventCategory} onFilter={onFilter} label={categoryLabel(row.eventCategory)} className="text-xs text-muted-foreground">
            {categoryLabel(row.eventCategory)}
          </FilterValue>
        ) : (
          <Muted>Uncategorised</Muted>
        )}
      </div>
    ),
  },
  actor: {
    id: "actor",
    header: COLUMN_LABELS.actor,
    width: "w-[19%]",
    className: "",
    cell: (row, { onFilter }) => (
      <div className="flex min-w-0 flex-col">
        {hasActorPage(row.actorKey) ? (
          <FilterValue dimension="actor" value={row.actorKey} onFilter={onFilter} label={actorPhrase(row)} className="font-medium">
            <Value row={row} field={row.actorName ? "actorName" : "actorEmail"} value={actorPhrase(row)} />
          </FilterValue>
        ) : (
          <span className="truncate font-medium">
            <Value row={row} field="actorName" value={actorPhrase(row)} />
          </span>
        )}
        <span className="flex min-w-0 items-center gap-1.5">
          {row.actorEmail && row.actorName ? (
            <span className="truncate text-xs text-muted-foreground">
              <Value row={row} field="actorEmail" value={row.actorEmail} />
            </span>
          ) : null}
          {row.actorType !== "user" ? (
            <FilterValue dimension="actorType" value={row.actorType} onFilter={onFilter} className="shrink-0 text-xs text-muted-foreground">
              {humanize(row.actorType)}
            </FilterValue>
          ) : null}
        </span>
      </div>
    ),
  },
  resource: {
    id: "resource",
    header: COLUMN_LABELS.resource,
    width: "w-[17%]",
    className: "",
    cell: (row, { onFilter }) =>
      row.resourceType || row.resourceName ? (
        <div className="flex min-w-0 flex-col">
          {row.resourceGid && isGid(row.resourceGid) ? (
            <FilterValue dimension="resource" value={row.resourceGid} onFilter={onFilter} label={row.resourceName ?? row.resourceGid}>
              <Value row={row} field={row.resourceName ? "resourceName" : row.resourceEmail ? "resourceEmail" : "resourceGid"} value={row.resourceName ?? row.resourceEmail ?? row.resourceGid} />
            </FilterValue>
          ) : (
            <span className="truncate">{row.resourceName || row.resourceGid ? <Value row={row} field={row.resourceName ? "resourceName" : "resourceGid"} value={row.resourceName ?? row.resourceGid!} /> : "—"}</span>
          )}
          {row.resourceType ? (
            <FilterValue dimension="resourceType" value={row.resourceType} onFilter={onFilter} className="text-xs text-muted-foreground">
              {humanize(row.resourceType)}
              {row.resourceSubtype ? ` · ${humanize(row.resourceSubtype).toLowerCase()}` : ""}
            </FilterValue>
          ) : null}
        </div>
      ) : (
        none
      ),
  },
  context: {
    id: "context",
    header: COLUMN_LABELS.context,
    width: "w-[15%]",
    className: "",
    cell: (row, { onFilter }) => (
      <div className="flex min-w-0 flex-col">
        {row.clientIp ? (
          <>
            <FilterValue dimension="ip" value={row.clientIp} onFilter={onFilter} className="font-mono text-xs">
              {row.clientIp}
            </FilterValue>
            <AddressPlace row={row} onFilter={onFilter} />
          </>
        ) : (
          <Muted>no IP</Muted>
        )}
        <span className="flex min-w-0 flex-wrap items-center gap-x-1.5 text-xs text-muted-foreground">
          {row.contextType ? (
            <FilterValue dimension="contextType" value={row.contextType} onFilter={onFilter}>
              {humanize(row.contextType)}
            </FilterValue>
          ) : null}
          {row.authMethod ? (
            <FilterValue dimension="authMethod" value={row.authMethod} onFilter={onFilter}>
              {humanize(row.authMethod)}
            </FilterValue>
          ) : null}
          {row.oauthAppName ? (
            <FilterValue dimension="oauthApp" value={row.oauthAppName} onFilter={onFilter} className="text-foreground/80">
              <Value row={row} field="oauthAppName" value={row.oauthAppName} />
            </FilterValue>
          ) : null}
          {row.place?.hosting ? <HostingBadge place={row.place} onFilter={onFilter} /> : null}
        </span>
      </div>
    ),
  },
  country: {
    id: "country",
    header: COLUMN_LABELS.country,
    width: "w-40",
    rem: 10,
    className: "",
    cell: (row, { onFilter }) => <CountryCell row={row} onFilter={onFilter} />,
  },
  network: {
    id: "network",
    header: COLUMN_LABELS.network,
    width: "w-48",
    rem: 12,
    className: "",
    cell: (row, { onFilter }) => <NetworkCell row={row} onFilter={onFilter} />,
  },
  details: {
    id: "details",
    header: COLUMN_LABELS.details,
    width: "",
    className: "",
    cell: (row) => (row.summary ? <span className="line-clamp-2 text-xs [overflow-wrap:anywhere] text-muted-foreground" title={row.summary}>{row.summary}</span> : null),
  },
  gid: {
    id: "gid",
    header: COLUMN_LABELS.gid,
    width: "w-36",
    rem: 9,
    className: "whitespace-nowrap font-mono text-xs",
    cell: (row) => <Value row={row} field="gid" value={row.gid} />,
  },
  userAgent: {
    id: "userAgent",
    header: COLUMN_LABELS.userAgent,
    width: "w-56",
    rem: 14,
    className: "",
    cell: (row) =>
      row.userAgent ? (
        <span className="line-clamp-2 text-xs [overflow-wrap:anywhere] text-muted-foreground" title={visibleText(row.userAgent)}>
          <Value row={row} field="userAgent" value={row.userAgent} />
        </span>
      ) : (
        none
      ),
  },
  workspace: {
    id: "workspace",
    header: COLUMN_LABELS.workspace,
    width: "w-40",
    rem: 10,
    className: "whitespace-nowrap font-mono text-xs",
    cell: (row) => <Value row={row} field="workspaceGid" value={row.workspaceGid} />,
  },
};
