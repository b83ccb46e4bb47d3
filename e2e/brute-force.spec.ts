import { expect, signedOut, signInWithPassword, test } from "./fixtures";

test.use(signedOut);

// Not an admin: failures count for an e-mail whether or not it exists.
const target = "brute-force-target@example.com";

test("repeated failures for one e-mail are slowed, then refused for a while, and the page says so", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await signInWithPassword(page, target, `guess-number-${attempt}`);
    await expect(page.getByTestId("sign-in-failed")).toContainText("do not match");
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
  }
  const started = Date.now();
  await signInWithPassword(page, target, "guess-number-6");
  await expect(page.getByTestId("sign-in-locked")).toContainText(/Too many failed attempts, try again in 1[45] minutes/);
  // Refused before any password check: fast, whatever the delay for failures was.
  expect(Date.now() - started).toBeLessThan(5_000);

  // The API says it too: 429 with Retry-After, in the app's error shape.
  // Playwright's client may reach localhost over another address than Chromium (::1 or
  // 127.0.0.1). From an address with no recent failures the password is still checked (case 11
  // of #13): its one wrong guess is counted, and from then on the lock holds for it too.
  const csrf = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const guess = () =>
    page.request.post("/api/auth/callback/credentials", { form: { email: target, password: "guess-number-7", csrfToken: csrf.csrfToken, json: "true", callbackUrl: "/" } });
  let answer = await guess();
  if (answer.status() === 401) answer = await guess();
  expect(answer.status()).toBe(429);
  expect(Number(answer.headers()["retry-after"])).toBeGreaterThan(600);
  expect(((await answer.json()) as { error: { code: string } }).error.code).toBe("too_many_attempts");
});
