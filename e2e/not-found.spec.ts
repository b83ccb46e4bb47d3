import { expect, test } from "./fixtures";

/** A link that leads nowhere answers 404 with a page that says what is missing and how to go on. */
const cases = [
  { path: "/events/999", title: "No stored event has this gid", link: "Open the event explorer", to: "/events" },
  { path: "/actors/999", title: "No events by this actor are stored", link: "All actors", to: "/actors" },
  { path: "/resources/999", title: "No stored event is about this resource", link: "Open the event explorer", to: "/events" },
  { path: "/q/nonexistent", title: "This saved query does not exist", link: "Saved queries", to: "/saved" },
  { path: "/no-such-page", title: "Nothing at this address", link: "Open the event explorer", to: "/events" },
];

for (const c of cases) {
  test(`${c.path} says what is missing and leads on`, async ({ page }) => {
    const answer = await page.goto(c.path);
    expect(answer?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: c.title })).toBeAttached();
    await page.getByRole("link", { name: c.link }).click();
    await expect(page).toHaveURL(new RegExp(`${c.to.replace("/", "\\/")}(\\?|$)`));
  });
}
