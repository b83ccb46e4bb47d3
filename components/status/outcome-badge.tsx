import { Badge, type BadgeProps } from "@/components/ui/badge";

const VARIANTS: Record<string, { variant: BadgeProps["variant"]; label: string }> = {
  succeeded: { variant: "success", label: "succeeded" },
  partial: { variant: "primary", label: "continuing" },
  running: { variant: "primary", label: "running" },
  failed: { variant: "destructive", label: "failed" },
  interrupted: { variant: "warning", label: "interrupted" },
};

export function OutcomeBadge({ outcome }: { outcome: string }) {
  const known = VARIANTS[outcome] ?? { variant: "outline" as const, label: outcome };
  return <Badge variant={known.variant}>{known.label}</Badge>;
}
