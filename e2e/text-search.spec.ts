import type { Route } from "@playwright/test";
import { decodeCursor, encodeCursor } from "@/lib/events/view";
import { waitForHydration, waitForSyncedEvents } from "./demo-domain";
import { expect, test } from "./fixtures";

/**
 * A text search with no match (issue 16, case 11). The explorer reads free text in batches of
 * 20,000 rows (list-events.ts); the e2e domain holds 3,000 events, read in one. The long search
 * of a big archive is played here by answering the list requests of one term as the server does
 * over millions of rows: three batches with nothing found, each reaching 10 days further back,
 * then the end of the range. Everything else goes to the real server.
 */
const TERM = "nosuchwordsanywhere";
const DAY = 86_400_000;

async function answerLikeABigArchive(route: Route) {
  const url = new URL(route.request().url());
  const after = url.searchParams.get("after");
  const from = after ? decodeCursor(after) : null;
  const reached = from && !("error" in from) ? Date.parse(from.at) : Date.now();
  const batches = Math.round((Date.now() - reached) / (10 * DAY));
  await new Promise((r) => setTimeout(r, 400));
  const asOf = new Date().toISOString();
  if (batches >= 3) return route.fulfill({ json: { events: [], scanned: null, next: null, prev: after, asOf } });
  const edge = { at: new Date(reached - 10 * DAY).toISOString(), gid: "1" };
  return route.fulfill({ json: { events: [], scanned: { rows: 20_000, to: edge.at }, next: encodeCursor(edge), prev: after, asOf } });
}

test.beforeEach(async ({ page }) => {
  await waitForSyncedEvents(page);
});

test("a search that reads the whole range and finds nothing says so, with no Newer or Older into the emptiness", async ({ page, consoleErrors }) => {
  await page.route((url) => url.pathname === "/api/events" && url.searchParams.get("text") === TERM, answerLikeABigArchive);
  // Typed in the browser: a page opened with the term would be answered by the server's own
  // render, which reads the real 3,000 events whole.
  await page.goto("/events?range=90d");
  await waitForHydration(page);
  await page.getByRole("combobox", { name: "Query" }).fill(TERM);
  await page.getByRole("combobox", { name: "Query" }).press("Enter");

  // While it reads: how much of the range is done, never an empty "no more events".
  const progress = page.getByTestId("search-progress");
  await expect(progress).toBeVisible();
  await expect(progress.getByRole("progressbar", { name: "Part of the range searched" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Older" })).toBeDisabled();

  await expect(page.getByText("No events match these filters")).toBeVisible();
  await expect(page.getByText("No more events this way")).toHaveCount(0);
  expect(new URL(page.url()).searchParams.get("after")).toBeNull();
  await expect(page.getByRole("button", { name: "Newer" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Older" })).toBeDisabled();

  expect(consoleErrors).toEqual([]);
  // The batches were never history entries: Back goes to the page before the search.
  await page.goBack();
  await expect(page).toHaveURL(/\/events\?range=90d$/);
});

test("a search the server answers whole at once says at once that nothing matches", async ({ page }) => {
  await page.goto(`/events?range=all&text=${TERM}`);
  await expect(page.getByText("No events match these filters")).toBeVisible();
  await expect(page.getByTestId("search-progress")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Newer" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Older" })).toBeDisabled();
});
