import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "../../src/server/auth/totp";
import { DEMO_PASSWORD } from "../../src/server/demo/seed";
import { launchChromium } from "../harness/browser";
import { type RunningServer, startServer } from "../harness/server";

// Journey 1 and 3: a duty officer finds a Party however its name is typed, then opens its page and
// sees every contact point with its local time. The real server, on a fresh embedded database with
// the demo network.
let server: RunningServer;
let browser: Browser;
let dataDir: string;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-directory-search-"));
  server = await startServer({ VIGIL_DATA: dataDir, VIGIL_DEMO: "1" });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The demo accounts' TOTP secrets, as the start-up banner prints them. */
function totpSecretOf(email: string): string {
  const line = server
    .output()
    .split("\n")
    .find((l) => l.trim().startsWith(`${email} `));
  const secret = line?.match(/TOTP secret (\S+)/)?.[1];
  if (!secret || secret === "-") throw new Error(`no TOTP secret for ${email} in:\n${server.output()}`);
  return secret;
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${server.url}/directory`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Authentication code").fill(totpCodeAt(totpSecretOf(email), new Date()));
  await page.getByRole("button", { name: "Verify" }).click();
  await expect.poll(() => page.getByRole("heading", { name: "Directory" }).count(), { timeout: 15_000 }).toBe(1);
}

/** Types a query and waits for the server's answer: only its results list contact points. */
async function searchFor(page: Page, query: string, iso2: string): Promise<string> {
  await page.getByRole("searchbox", { name: "Search" }).fill(query);
  const group = page.locator(`[data-testid="party-row"][data-iso="${iso2}"]`);
  await expect.poll(() => group.getByTestId("search-hit").count(), { timeout: 15_000 }).toBeGreaterThan(0);
  // Best match first.
  expect(await page.getByTestId("party-row").first().getAttribute("data-iso")).toBe(iso2);
  return (await group.innerText()).trim();
}

/** "Mon 08:40" in Bucharest now, and a minute ago (the page may have drawn it just before the minute turned). */
function bucharestTimes(): string[] {
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Bucharest",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  const now = Date.now();
  return [format.format(now), format.format(now - 60_000)];
}

describe("directory search and Party page in the browser", () => {
  for (const viewport of [
    { name: "desktop", width: 1280, height: 800, email: "officer.cl@example.org", mobile: false },
    { name: "phone", width: 390, height: 844, email: "officer.ro@example.org", mobile: true },
  ]) {
    it(`finds Côte d'Ivoire and Romania however typed, and shows Romania's contact points with their local time (${viewport.name})`, async () => {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        locale: "en-GB",
        isMobile: viewport.mobile,
        hasTouch: viewport.mobile,
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      try {
        await signIn(page, viewport.email);
        await expect.poll(() => page.getByTestId("party-row").count(), { timeout: 15_000 }).toBe(76);

        for (const query of ["cote divoire", "Côte d'Ivoire", "Ivory Coast"]) {
          expect(await searchFor(page, query, "CI")).toContain("Côte d'Ivoire");
        }
        // A typo: the server's fuzzy match still finds it.
        expect(await searchFor(page, "Romnia", "RO")).toContain("Romania");

        // The search is in the address: the back button returns to it.
        expect(new URL(page.url()).searchParams.get("q")).toBe("Romnia");

        await page
          .locator('[data-testid="party-row"][data-iso="RO"]')
          .getByRole("link", { name: "Romania", exact: true })
          .click();
        await expect.poll(() => page.getByRole("heading", { name: "Romania", level: 1 }).count()).toBe(1);
        expect(new URL(page.url()).pathname).toBe("/directory/parties/RO");
        expect(await page.getByTestId("party-iso").innerText()).toBe("RO");

        const cards = page.getByTestId("contact-point");
        await expect.poll(() => cards.count()).toBe(2);
        // Primary first, then the secondary.
        expect(await cards.nth(0).innerText()).toContain("National Police");
        expect(await cards.nth(1).innerText()).toContain("Prosecutor's Office");
        for (let i = 0; i < 2; i++) {
          const clock = cards.nth(i).getByTestId("local-time");
          expect(await clock.getAttribute("data-time-zone")).toBe("Europe/Bucharest");
          const text = await clock.innerText();
          expect(bucharestTimes().some((time) => text.includes(`Local time ${time}`))).toBe(true);
          expect(text).toContain("24/7");
          expect(text).toMatch(/your time \w{3} \d{2}:\d{2}/);
        }
        // Phones are links that dial.
        expect(await cards.nth(0).locator('a[href="tel:+9964210247"]').count()).toBe(1);

        // Nothing overflows sideways on a phone.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);

        // Back to the search, as it was left.
        await page.getByRole("link", { name: "Back to the directory" }).click();
        await expect
          .poll(() => page.getByRole("searchbox", { name: "Search" }).inputValue(), { timeout: 15_000 })
          .toBe("Romnia");
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
