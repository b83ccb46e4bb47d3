import { classColor, type ColorClass } from "@/lib/geo/color-scale";
import { formatCount } from "@/lib/format/time";

const range = (c: ColorClass) => (c.from === c.to ? formatCount(c.from) : `${formatCount(c.from)}–${formatCount(c.to)}`);

/** The map's colour classes as swatches with the counts each stands for, palest first. */
export function MapLegend({ classes, noun }: { classes: readonly ColorClass[]; noun: string }) {
  return (
    <ul className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground" aria-label={`Colours: ${noun} per country`} data-testid="map-legend">
      <li className="flex items-center gap-1">
        <span aria-hidden className="size-3 rounded-[2px] border" style={{ background: classColor(-1, classes.length) }} />
        none
      </li>
      {classes.map((c, i) => (
        <li key={c.from} className="flex items-center gap-1 tabular-nums">
          <span aria-hidden className="size-3 rounded-[2px]" style={{ background: classColor(i, classes.length) }} />
          {range(c)}
        </li>
      ))}
    </ul>
  );
}
