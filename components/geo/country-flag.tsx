import "flag-icons/css/flag-icons.min.css";
import { countryCode, countryName } from "@/lib/geo/country";
import { cn } from "@/lib/utils";

/**
 * A country's flag (flag-icons: an SVG per country, fetched only for the flags on the page)
 * with its name for assistive technology and as a tooltip. Nothing for an unknown code:
 * the class name is built from a checked code only.
 */
export function CountryFlag({ code, className }: { code: string | null; className?: string }) {
  const known = code ? countryCode(code) : null;
  if (!known) return null;
  const name = countryName(known);
  return <span role="img" aria-label={name} title={name} className={cn("fi shrink-0 rounded-[2px]", `fi-${known.toLowerCase()}`, className)} />;
}
