import { countryName } from "@/lib/geo/country";
import { MAP_HEIGHT, MAP_WIDTH } from "@/lib/geo/world-map";
import { cn } from "@/lib/utils";
import { CountryFlag } from "./country-flag";

interface MapTooltipProps {
  /** The country's code, or null for a shape no code names (then its map name). */
  code: string | null;
  name: string;
  /** Where it points, in the map's viewBox units. */
  at: [number, number];
  text: string;
  /** Of all the events the map counts; null when there is none. */
  share: number | null;
}

/**
 * A country's name, flag and count beside the pointer or the focused country. It flips
 * below the point near the top edge and aligns inward near the sides, so it never leaves
 * the map on a narrow screen.
 */
export function MapTooltip({ code, name, at, text, share }: MapTooltipProps) {
  const [x, y] = [at[0] / MAP_WIDTH, at[1] / MAP_HEIGHT];
  return (
    <div
      role="status"
      data-testid="map-tooltip"
      className={cn(
        "pointer-events-none absolute z-10 max-w-56 rounded-md border bg-popover px-2.5 py-1.5 text-xs text-popover-foreground shadow-md",
        x < 0.2 ? "translate-x-0" : x > 0.8 ? "-translate-x-full" : "-translate-x-1/2",
        y < 0.3 ? "translate-y-3" : "-translate-y-[calc(100%+0.75rem)]",
      )}
      style={{ left: `${x * 100}%`, top: `${y * 100}%` }}
    >
      <div className="flex items-center gap-1.5 font-medium">
        <CountryFlag code={code} />
        <span>{code ? countryName(code) : name}</span>
      </div>
      <div className="text-muted-foreground tabular-nums">
        {text}
        {share !== null ? ` · ${(share * 100).toFixed(1)}%` : null}
      </div>
    </div>
  );
}
