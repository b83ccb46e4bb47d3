/**
 * What the location databases say of a client address (a row of ip_location), as answers
 * pass it to the browser: values checked (a country code ISO knows, coordinates a globe has),
 * texts cut short, and never the coordinates themselves.
 */
export interface Place {
  /** ISO 3166-1 alpha-2; null when unknown. */
  country: string | null;
  region: string | null;
  city: string | null;
  asn: number | null;
  org: string | null;
  /** The network is a hosting or cloud provider's. */
  hosting: boolean;
  /** Whether it has coordinates a distance can be measured from. */
  located: boolean;
}
