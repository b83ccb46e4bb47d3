"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { BellRing, MoreHorizontal } from "lucide-react";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataText } from "@/components/ui/data-text";
import { ConfirmDeleteDialog } from "@/components/ui/confirm-delete-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { visibleText } from "@/lib/format/visible-text";
import { CHANNEL_KIND_LABELS, type ChannelView, type DeliveryStatus } from "@/lib/detections/notify/channel-schema";
import { ChannelDialog, NewChannelButton } from "./channel-dialog";
import { channelsQuery, routableRulesQuery, useDeleteChannel } from "./query";
import { TestButton } from "./test-button";
import { When } from "@/components/ui/when";

export const DELIVERY_BADGE: Record<DeliveryStatus, { variant: BadgeProps["variant"]; label: string }> = {
  sent: { variant: "success", label: "sent" },
  pending: { variant: "warning", label: "retrying" },
  failed: { variant: "destructive", label: "failed" },
};

function Routing({ ruleIds }: { ruleIds: string[] }) {
  // Names are looked up only for channels limited to some rules.
  const rules = useQuery({ ...routableRulesQuery(), enabled: ruleIds.length > 0 });
  if (ruleIds.length === 0) return <span className="text-muted-foreground">Every rule</span>;
  const names = ruleIds.map((id) => rules.data?.find((r) => r.id === id)?.name ?? id);
  return (
    <span title={names.map((name) => visibleText(name, 120)).join("\n")}>
      {ruleIds.length === 1 ? <DataText value={names[0]!} max={60} /> : `${ruleIds.length} rules`}
    </span>
  );
}

function LastDelivery({ channel }: { channel: ChannelView }) {
  const last = channel.lastDelivery;
  if (!last) return <span className="text-muted-foreground">none yet</span>;
  const badge = last.status === "pending" && last.attempts === 0 ? { variant: "outline" as const, label: "queued" } : DELIVERY_BADGE[last.status];
  return (
    <div className="flex flex-col gap-0.5">
      <span className="flex items-center gap-1.5">
        <Badge variant={badge.variant}>{badge.label}</Badge>
        <When iso={last.at} />
      </span>
      {last.lastError ? (
        <span className="line-clamp-2 text-xs text-muted-foreground">
          <DataText value={last.lastError} max={300} />
        </span>
      ) : null}
    </div>
  );
}

/** The alert channels: where alerts go, how the last delivery went, and a test for each. */
export function ChannelList() {
  const query = useQuery(channelsQuery());
  const [editing, setEditing] = useState<ChannelView | null>(null);
  const [deleting, setDeleting] = useState<ChannelView | null>(null);
  const remove = useDeleteChannel();

  if (query.isPending) return <Skeleton className="h-48" aria-label="Loading alert channels" />;
  if (query.error) return <ErrorState bordered error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) {
    return (
      <EmptyState
        bordered
        icon={BellRing}
        title="No alert channels yet"
        description="Alerts show in the inbox only. Add a webhook, a Slack incoming webhook or an e-mail address to have them sent where the team already is."
        action={<NewChannelButton />}
      />
    );
  }

  return (
    <>
      <Table containerClassName="rounded-lg border" aria-label="Alert channels">
        <TableHeader>
          <TableRow>
            <TableHead>Channel</TableHead>
            <TableHead>Sends to</TableHead>
            <TableHead>Severity</TableHead>
            <TableHead>Rules</TableHead>
            <TableHead>Last delivery</TableHead>
            <TableHead>Test</TableHead>
            <TableHead className="w-10">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {query.data.map((c) => (
            <TableRow key={c.id} className="align-top" data-testid="channel-row">
              <TableCell className="max-w-56 whitespace-normal">
                <div className="font-medium [overflow-wrap:anywhere]">
                  <DataText value={c.name} max={120} />
                </div>
                <div className="mt-1 flex flex-wrap gap-1">
                  <Badge variant="outline">{CHANNEL_KIND_LABELS[c.kind]}</Badge>
                  {c.enabled ? null : <Badge variant="warning">off</Badge>}
                </div>
              </TableCell>
              <TableCell className="max-w-64 font-mono text-xs whitespace-normal [overflow-wrap:anywhere]">{c.target}</TableCell>
              <TableCell className="text-sm">{c.minSeverity === "low" ? "all" : `${c.minSeverity}+`}</TableCell>
              <TableCell className="max-w-48 text-sm whitespace-normal">
                <Routing ruleIds={c.ruleIds} />
              </TableCell>
              <TableCell className="max-w-64 text-sm whitespace-normal">
                <LastDelivery channel={c} />
              </TableCell>
              <TableCell>
                <TestButton channelId={c.id} channelName={c.name} />
              </TableCell>
              <TableCell>
                <DropdownMenu>
                  <DropdownMenuTrigger asChild>
                    <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${visibleText(c.name, 120)}`}>
                      <MoreHorizontal />
                    </Button>
                  </DropdownMenuTrigger>
                  <DropdownMenuContent align="end">
                    <DropdownMenuItem onSelect={() => setEditing(c)}>Edit…</DropdownMenuItem>
                    <DropdownMenuSeparator />
                    <DropdownMenuItem variant="destructive" onSelect={() => setDeleting(c)}>
                      Delete…
                    </DropdownMenuItem>
                  </DropdownMenuContent>
                </DropdownMenu>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>

      {editing ? <ChannelDialog key={editing.id} open channel={editing} onClose={() => setEditing(null)} /> : null}

      <ConfirmDeleteDialog
        target={deleting}
        onClose={() => setDeleting(null)}
        description="No more alerts are sent through it, and its delivery log goes with it. Alerts themselves are not touched."
        mutation={remove}
      />
    </>
  );
}
