"use client";

import { useRouter } from "next/navigation";
import * as React from "react";
import { rovingFocus, rovingKeyDown, rovingTabStops } from "@/components/ui/roving-focus";
import { classColor, classOf, type ColorClass } from "@/lib/geo/color-scale";
import { countryName } from "@/lib/geo/country";
import { MAP_HEIGHT, MAP_WIDTH, mapShapes, type MapShape } from "@/lib/geo/world-map";
import type { CountryCount } from "@/lib/stats/count-by-country";
import { formatCount } from "@/lib/format/time";
import { MapTooltip } from "./map-tooltip";

export interface MapNoun {
  one: string;
  many: string;
}

interface WorldMapProps {
  rows: readonly CountryCount[];
  classes: readonly ColorClass[];
  /** What the shares in the tooltip are of. */
  total: number;
  noun: MapNoun;
  /** The explorer's table of a country's events; null when no link can say it. */
  hrefOf: (code: string) => string | null;
}

interface Active {
  shape: MapShape;
  count: number;
  /** Where the tooltip points, in viewBox units. */
  at: [number, number];
}

const count = (n: number, noun: MapNoun) => `${formatCount(n)} ${n === 1 ? noun.one : noun.many}`;

/**
 * A choropleth of counts by country, drawn as SVG. Every country with events is a link into
 * the explorer; the links are one Tab stop, most events first under the arrow keys (roving
 * focus, as the explorer's side panel), and Enter opens one. The focused or pointed-at
 * country is outlined above its neighbours and named in a tooltip.
 */
export function WorldMap({ rows, classes, total, noun, hrefOf }: WorldMapProps) {
  const router = useRouter();
  const box = React.useRef<HTMLDivElement>(null);
  const [active, setActive] = React.useState<(Active & { focused: boolean }) | null>(null);
  const counts = new Map(rows.map((r) => [r.country, r.count]));
  // The links in the rows' order (most first, ties by code): the arrow keys go as the table reads.
  const rank = new Map(rows.map((r, i) => [r.country, i]));
  const shapes = mapShapes();
  const lit = shapes.filter((s) => s.code !== null && counts.has(s.code)).sort((a, b) => rank.get(a.code!)! - rank.get(b.code!)!);
  const pointAt = (event: React.MouseEvent, shape: MapShape) => {
    const rect = box.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return;
    const at: [number, number] = [((event.clientX - rect.left) / rect.width) * MAP_WIDTH, ((event.clientY - rect.top) / rect.height) * MAP_HEIGHT];
    setActive((current) => (current?.focused ? current : { shape, count: (shape.code && counts.get(shape.code)) || 0, at, focused: false }));
  };
  const open = (event: React.MouseEvent, href: string) => {
    // A modified click (new tab, new window) is the browser's.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    router.push(href);
  };

  return (
    <div ref={box} className="relative" onMouseLeave={() => setActive((current) => (current?.focused ? current : null))}>
      {/* The roving handlers sit on an HTML element: the links they move between are the SVG's. */}
      <div ref={rovingTabStops} onKeyDown={rovingKeyDown} onFocus={rovingFocus}>
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          className="block h-auto w-full"
          role="group"
          aria-label={`Map of ${noun.many} by country: arrow keys move between countries, most ${noun.many} first; Enter opens a country's ${noun.many}.`}
          data-testid="world-map"
        >
          <g aria-hidden>
            {shapes
              .filter((s) => s.code === null || !counts.has(s.code))
              .map((shape, i) => (
                <path key={shape.code ?? `n${i}`} d={shape.d} fill={classColor(-1, classes.length)} stroke="var(--card)" strokeWidth={0.5} onMouseMove={(e) => pointAt(e, shape)} />
              ))}
          </g>
          {lit.map((shape) => {
            const code = shape.code!;
            const n = counts.get(code)!;
            const href = hrefOf(code);
            const fill = <path d={shape.d} fill={classColor(classOf(classes, n), classes.length)} stroke="var(--card)" strokeWidth={0.5} />;
            const label = `${countryName(code)}: ${count(n, noun)}`;
            if (!href) {
              return (
                <g key={code} role="img" aria-label={label} onMouseMove={(e) => pointAt(e, shape)}>
                  {fill}
                </g>
              );
            }
            return (
              <a
                key={code}
                href={href}
                aria-label={`${label}: open them`}
                data-roving="main"
                data-country={code}
                className="cursor-pointer outline-none"
                onClick={(e) => open(e, href)}
                onMouseMove={(e) => pointAt(e, shape)}
                onFocus={() => setActive({ shape, count: n, at: shape.centroid, focused: true })}
                onBlur={() => setActive(null)}
              >
                {fill}
              </a>
            );
          })}
          {active ? (
            <path
              d={active.shape.d}
              fill="none"
              stroke={active.focused ? "var(--ring)" : "var(--foreground)"}
              strokeWidth={active.focused ? 2.5 : 1.25}
              vectorEffect="non-scaling-stroke"
              pointerEvents="none"
              data-testid={active.focused ? "map-focus" : undefined}
            />
          ) : null}
        </svg>
      </div>
      {active ? <MapTooltip code={active.shape.code} name={active.shape.name} at={active.at} text={active.count > 0 ? count(active.count, noun) : `no ${noun.many}`} share={active.count > 0 && total > 0 ? active.count / total : null} /> : null}
    </div>
  );
}
