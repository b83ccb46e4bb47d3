"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronDown, X } from "lucide-react";
import { debounce } from "nuqs";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuCheckboxItem, DropdownMenuContent, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ruleOptionsQuery } from "@/lib/alerts/query";
import { isNarrowed } from "@/lib/alerts/search-params";
import { ALERT_RANGE_LABELS, ALERT_RANGES, SEVERITIES_DESC, SEVERITY_LABELS, type AlertRange } from "@/lib/alerts/vocabulary";
import { visibleText } from "@/lib/format/visible-text";
import { useInboxParams } from "./use-inbox-params";

const ALL = "all";

/** The inbox's filters beside its status tabs: severity, rule, actor and time, each bound to the URL. */
export function DataTableToolbar() {
  const { filters, setParams } = useInboxParams();
  const rules = useQuery(ruleOptionsQuery());
  const severities = filters.severity ?? [];
  const ruleKnown = !filters.rule || rules.data?.some((r) => r.id === filters.rule);
  return (
    <div className="flex flex-wrap items-center gap-2" role="search" aria-label="Filter the alerts">
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" aria-label="Severity" className="min-w-36 justify-between">
            {severities.length === 0 ? "All severities" : severities.map((s) => SEVERITY_LABELS[s]).join(", ")}
            <ChevronDown className="opacity-60" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          {SEVERITIES_DESC.map((severity) => (
            <DropdownMenuCheckboxItem
              key={severity}
              checked={severities.includes(severity)}
              // The menu stays open so that two severities are picked in one go.
              onSelect={(event) => event.preventDefault()}
              onCheckedChange={(checked) => {
                const next = checked ? [...severities, severity] : severities.filter((s) => s !== severity);
                void setParams({ severity: next.length > 0 ? next : null });
              }}
            >
              {SEVERITY_LABELS[severity]}
            </DropdownMenuCheckboxItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      <Select value={filters.rule ?? ALL} onValueChange={(value) => void setParams({ rule: value === ALL ? null : value })}>
        <SelectTrigger size="sm" className="w-56" aria-label="Rule">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All rules</SelectItem>
          {/* A rule from a link that is not (or not yet) in the list is still named. */}
          {!ruleKnown && filters.rule ? <SelectItem value={filters.rule}>{visibleText(filters.rule, 100)}</SelectItem> : null}
          {rules.data?.map((rule) => (
            <SelectItem key={rule.id} value={rule.id}>
              {visibleText(rule.name, 100)}
              {rule.enabled ? "" : " (off)"}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Input
        className="h-8 w-64"
        type="search"
        placeholder="Actor: key or e-mail…"
        aria-label="Actor"
        value={filters.actor ?? ""}
        onChange={(event) => void setParams({ actor: event.target.value || null }, { limitUrlUpdates: debounce(400) })}
      />
      <Select value={filters.range ?? ALL} onValueChange={(value) => void setParams({ range: value === ALL ? null : (value as AlertRange) })}>
        <SelectTrigger size="sm" className="w-40" aria-label="Last event">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All time</SelectItem>
          {ALERT_RANGES.map((range) => (
            <SelectItem key={range} value={range}>
              {ALERT_RANGE_LABELS[range]}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      {isNarrowed(filters) ? (
        <Button variant="ghost" size="sm" onClick={() => void setParams({ severity: null, rule: null, actor: null, range: null })}>
          <X />
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
