"use client";

import { useQuery } from "@tanstack/react-query";
import { ChartPanel } from "@/components/charts/chart-panel";
import { SegmentedToggle } from "@/components/ui/segmented-toggle";
import { CountTable } from "@/components/charts/count-table";
import { CountryFlag } from "@/components/geo/country-flag";
import { GeoAttribution } from "@/components/geo/geo-attribution";
import { MapLegend } from "@/components/geo/map-legend";
import { WorldMap, type MapNoun } from "@/components/geo/world-map";
import { Link } from "@/components/ui/link";
import type { EventFilter } from "@/lib/events/filters";
import { formatCount } from "@/lib/format/time";
import { colorClasses } from "@/lib/geo/color-scale";
import { countryName } from "@/lib/geo/country";
import { drawnCodes } from "@/lib/geo/world-map";
import type { CountByCountry } from "@/lib/stats/count-by-country";
import { countryHref } from "@/lib/stats/map-subject";
import { MAP_SUBJECTS, type MapSubject } from "@/lib/stats/panels";
import { panelQuery } from "@/lib/stats/query";

const NOUNS: Record<MapSubject, MapNoun> = { events: { one: "event", many: "events" }, sign_ins: { one: "sign-in", many: "sign-ins" } };
const LABELS: Record<MapSubject, string> = { events: "Events", sign_ins: "Sign-ins" };
const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(1)}%`;

interface Props {
  filter: EventFilter;
  subject: MapSubject;
  setSubject: (subject: MapSubject) => unknown;
}

/**
 * Where activity comes from: events, or successful sign-ins, by the country of their client
 * address, under the overview's filter and range. Each country opens its events in the
 * explorer; what no country can be given for is counted beside the map, not left out.
 */
export function PanelMap({ filter, subject, setSubject }: Props) {
  const query = useQuery(panelQuery("map", filter, { map: subject }));
  const noun = NOUNS[subject];
  const hrefOf = (code: string) => countryHref(filter, subject, code);
  return (
    <ChartPanel
      title={`${LABELS[subject]} by country`}
      description={`Where each ${noun.one}'s client address is. Click a country, or move to it with the arrow keys and press Enter, to open its ${noun.many}.`}
      query={query}
      height={260}
      testId="panel-map"
      isEmpty={(d) => d.total === 0}
      emptyTitle={`No ${noun.many}`}
      emptyDescription={subject === "sign_ins" ? "No successful sign-in matches the filters in this time range." : undefined}
      actions={<SegmentedToggle label="Count" values={MAP_SUBJECTS} labels={LABELS} value={subject} onChange={setSubject} />}
      chart={(d) => <MapView data={d} noun={noun} hrefOf={hrefOf} />}
      table={(d) => (
        <CountTable
          label="Country"
          countLabel={LABELS[subject]}
          total={d.total}
          rows={d.rows.map((r) => ({
            key: r.country,
            label: (
              <span className="inline-flex items-center gap-2">
                <CountryFlag code={r.country} />
                {countryName(r.country)}
              </span>
            ),
            count: r.count,
            href: hrefOf(r.country),
          }))}
        />
      )}
      footer={(d) => (
        <div className="mt-3 flex flex-col gap-1.5">
          {d.total > 0 ? <Unknown data={d} noun={noun} /> : null}
          <GeoAttribution />
        </div>
      )}
    />
  );
}

function MapView({ data, noun, hrefOf }: { data: CountByCountry; noun: MapNoun; hrefOf: (code: string) => string | null }) {
  const classes = colorClasses(data.rows.at(-1)?.count ?? 0, data.rows[0]?.count ?? 0);
  const drawn = drawnCodes();
  const small = data.rows.filter((r) => !drawn.has(r.country));
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-2">
      <WorldMap rows={data.rows} classes={classes} total={data.total} noun={noun} hrefOf={hrefOf} />
      <MapLegend classes={classes} noun={noun.many} />
      {small.length > 0 ? (
        <p className="text-xs text-muted-foreground" data-testid="map-not-drawn">
          Too small to draw at this scale:{" "}
          {small.map((r, i) => {
            const href = hrefOf(r.country);
            const text = `${countryName(r.country)} ${formatCount(r.count)}`;
            return (
              <span key={r.country} className="inline-flex items-center gap-1">
                {i > 0 ? " · " : null}
                <CountryFlag code={r.country} />
                {href ? (
                  <Link href={href} className="text-primary underline-offset-2 hover:underline">
                    {text}
                  </Link>
                ) : (
                  text
                )}
              </span>
            );
          })}
        </p>
      ) : null}
    </div>
  );
}

/** The events no country is given for, said as what they are. */
function Unknown({ data, noun }: { data: CountByCountry; noun: MapNoun }) {
  const unknown = data.unlocated + data.noAddress;
  if (unknown === 0) return <p className="text-xs text-muted-foreground" data-testid="map-unknown">Every {noun.one} has a located address.</p>;
  const parts = [
    data.unlocated > 0 ? `${formatCount(data.unlocated)} from addresses placed in no country (private or reserved ranges, or not looked up yet)` : null,
    data.noAddress > 0 ? `${formatCount(data.noAddress)} without an address` : null,
  ].filter((p) => p !== null);
  return (
    <p className="text-xs text-muted-foreground" data-testid="map-unknown">
      <span className="font-medium text-foreground">
        Unknown location: {formatCount(unknown)} {unknown === 1 ? noun.one : noun.many} ({percent(unknown, data.total)})
      </span>
      {`, ${parts.join("; ")}.`}
    </p>
  );
}
