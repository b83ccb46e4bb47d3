"use client";

import { X } from "lucide-react";
import { debounce, useQueryStates } from "nuqs";
import { auditTrailSearch } from "@/lib/audit-trail/search-params";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS, type AuditAction } from "@/lib/audit-trail/actions";

const ALL = "all";

export function AuditTrailToolbar() {
  const [filters, setFilters] = useQueryStates(auditTrailSearch.parsers);
  return (
    <div className="flex flex-wrap items-center gap-2" role="search" aria-label="Filter the audit trail">
      <Select value={filters.action ?? ALL} onValueChange={(value) => void setFilters({ action: value === ALL ? null : (value as AuditAction) })}>
        <SelectTrigger className="w-52" aria-label="Action">
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={ALL}>All actions</SelectItem>
          {AUDIT_ACTIONS.map((action) => (
            <SelectItem key={action} value={action}>
              {AUDIT_ACTION_LABELS[action]}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Input
        className="w-64"
        type="search"
        placeholder="Actor e-mail contains…"
        aria-label="Actor"
        value={filters.actor ?? ""}
        onChange={(event) => void setFilters({ actor: event.target.value || null }, { limitUrlUpdates: debounce(300) })}
      />
      {filters.action || filters.actor ? (
        <Button variant="ghost" size="sm" onClick={() => void setFilters({ action: null, actor: null })}>
          <X />
          Clear
        </Button>
      ) : null}
    </div>
  );
}
