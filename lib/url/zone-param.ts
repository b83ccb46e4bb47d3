import { createParser } from "nuqs/server";
import { parseZoneChoice, type TimeZoneChoice } from "@/lib/events/view";
import type { ParamSpec } from "./search-contract";

/**
 * `tz` in a view's contract: the zone times are shown in (local, utc or an IANA name), the
 * same on every page so that a link from one view to another keeps it (components/shell
 * keeps it on the side menu's links).
 */
export const zoneSpec = {
  parser: createParser<TimeZoneChoice>({ parse: (v) => (typeof parseZoneChoice(v) === "object" ? null : v), serialize: String }).withDefault("local"),
  hint: "use local, utc or a time zone name such as Europe/Berlin",
} satisfies ParamSpec;
