/**
 * The facet panel's two requests. The places (country and network) are properties of each
 * address, counted through ip_location: over all time at a million events that join took as
 * long as every other dimension together, and the panel showed nothing until it was done.
 */
export const PLACE_FACETS = ["country", "asn"] as const;
export const FACET_PARTS = ["values", "places"] as const;
export type FacetPart = (typeof FACET_PARTS)[number];
export const isFacetPart = (value: string): value is FacetPart => (FACET_PARTS as readonly string[]).includes(value);
