import { cn } from "@/lib/utils";

/**
 * The credit the location databases' licence (CC BY 4.0) asks of a web application, on every
 * page that shows what they say: DB-IP for places and network names, Route Views and the NRO
 * for network numbers (see node_modules/@ip-location-db/*\/*LICENSE).
 */
export function GeoAttribution({ className }: { className?: string }) {
  return (
    <p className={cn("text-xs text-muted-foreground", className)}>
      <a className="underline-offset-2 hover:underline" href="https://db-ip.com" target="_blank" rel="noreferrer">
        IP Geolocation by DB-IP
      </a>
      {" · networks from "}
      <a className="underline-offset-2 hover:underline" href="https://www.routeviews.org" target="_blank" rel="noreferrer">
        Route Views
      </a>
      {" and the "}
      <a className="underline-offset-2 hover:underline" href="https://www.nro.net" target="_blank" rel="noreferrer">
        NRO
      </a>
      {" (CC BY 4.0)"}
    </p>
  );
}
