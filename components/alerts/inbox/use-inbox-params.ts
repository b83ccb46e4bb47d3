"use client";

import { useQueryStates } from "nuqs";
import { alertInboxSearch, filtersOf } from "@/lib/alerts/search-params";

/** The inbox's URL, bound: its filters, the zone its times read in and the alert whose detail is open. */
export function useInboxParams() {
  const [params, setParams] = useQueryStates(alertInboxSearch.parsers);
  return { params, filters: filtersOf(params), setParams };
}
