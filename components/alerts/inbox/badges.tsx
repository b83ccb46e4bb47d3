import { Badge, type BadgeProps } from "@/components/ui/badge";
import { SEVERITY_LABELS, STATUS_LABELS, type AlertStatus, type Severity } from "@/lib/alerts/vocabulary";

const SEVERITY_VARIANT: Record<Severity, BadgeProps["variant"]> = { critical: "destructive", high: "warning", medium: "primary", low: "default" };
const STATUS_VARIANT: Record<AlertStatus, BadgeProps["variant"]> = { open: "destructive", acknowledged: "warning", resolved: "success" };

/** A word of the vocabulary as a tinted badge; one the app does not know (written by hand) is shown as it is. */
function WordBadge<W extends string>({ word, labels, variants, ...data }: { word: W; labels: Record<W, string>; variants: Record<W, BadgeProps["variant"]> } & Record<`data-${string}`, string>) {
  const known = Object.hasOwn(variants, word);
  return (
    <Badge variant={known ? variants[word] : "outline"} {...data}>
      {known ? labels[word] : String(word).slice(0, 40)}
    </Badge>
  );
}

export const SeverityBadge = ({ severity }: { severity: Severity }) => <WordBadge word={severity} labels={SEVERITY_LABELS} variants={SEVERITY_VARIANT} data-severity={severity} />;

export const StatusBadge = ({ status }: { status: AlertStatus }) => <WordBadge word={status} labels={STATUS_LABELS} variants={STATUS_VARIANT} data-status={status} />;
