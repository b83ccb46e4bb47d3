import { geoEqualEarth, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { mapFeatureCountry } from "./country";

/**
 * The world map's shapes, shipped with the app (world-atlas's 1:110m Natural Earth countries,
 * 108 KB): no tiles, nothing fetched. Drawn once in an equal-area projection (Equal Earth),
 * so that a country's share of the map is its share of the world's land and a large pale
 * country does not outweigh a small dark one. The SVG scales with its viewBox.
 */
export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 480;
/**
 * Equal Earth fitted to the viewBox with a 4-unit margin, fixed here: fitting computes every
 * shape's bounds first, doubling the work of the first draw (world-map.test.ts checks the fit).
 */
const SCALE = 179.2;
const TRANSLATE: [number, number] = [480, 239];

export interface MapShape {
  /** ISO 3166-1 alpha-2, or null for a feature no code names (Northern Cyprus, Somaliland). */
  code: string | null;
  /** Natural Earth's name, for features without a code. */
  name: string;
  /** SVG path in viewBox units. */
  d: string;
  /** Where the tooltip of a focused country points, in viewBox units. */
  centroid: [number, number];
}

type CountryProperties = { name?: string };

function project(): MapShape[] {
  const topology = world as unknown as Topology<{ countries: GeometryCollection<CountryProperties> }>;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, CountryProperties>;
  const projection = geoEqualEarth().scale(SCALE).translate(TRANSLATE);
  // A tenth of a unit is finer than a pixel at any width the page gives it, and keeps the DOM small.
  const path = geoPath(projection).digits(1);
  return countries.features.flatMap((f: Feature<Geometry, CountryProperties>) => {
    const d = path(f);
    if (!d) return [];
    const [x, y] = path.centroid(f);
    return [{ code: mapFeatureCountry(f.id, f.properties?.name), name: f.properties?.name ?? "", d, centroid: [Math.round(x), Math.round(y)] as [number, number] }];
  });
}

let shapes: readonly MapShape[] | null = null;

/** Every country's shape, projected on first use (some milliseconds) and kept. */
export function mapShapes(): readonly MapShape[] {
  shapes ??= project();
  return shapes;
}

/** Codes the map draws: a country with events but none of these (Singapore, Bahrain…) is too small for 1:110m. */
export function drawnCodes(): ReadonlySet<string> {
  return new Set(mapShapes().flatMap((s) => (s.code ? [s.code] : [])));
}
