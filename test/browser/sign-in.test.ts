import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "../../src/server/auth/totp";
import { DEMO_PASSWORD } from "../../src/server/demo/seed";
import { launchChromium } from "../harness/browser";
import { createPostgresDatabase } from "../harness/db";
import { type RunningServer, startServer } from "../harness/server";

// Journey: an officer signs in on the real server, on real PostgreSQL, with the demo network.
let server: RunningServer;
let browser: Browser;
let dbUrl: string;

beforeAll(async () => {
  dbUrl = await createPostgresDatabase();
  server = await startServer({ DATABASE_URL: dbUrl, VIGIL_DEMO: "1" });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The demo account's TOTP secret, as the start-up banner prints it (the database keeps it sealed). */
function totpSecretOf(email: string): string {
  const line = server
    .output()
    .split("\n")
    .find((l) => l.trim().startsWith(`${email} `));
  const secret = line?.match(/TOTP secret (\S+)/)?.[1];
  if (!secret || secret === "-") throw new Error(`no TOTP secret for ${email} in:\n${server.output()}`);
  return secret;
}

describe("sign-in and the directory in the browser", () => {
  for (const viewport of [
    { name: "desktop", width: 1280, height: 800, email: "officer.cl@example.org" },
    { name: "phone", width: 375, height: 740, email: "officer.ro@example.org" },
  ]) {
    it(`signs in with password and TOTP, switches to French and lists the 76 Parties (${viewport.name})`, async () => {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        locale: "en-GB",
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      try {
        await page.goto(`${server.url}/directory`);
        await page.getByLabel("E-mail").fill(viewport.email);
        await page.getByLabel("Password").fill(DEMO_PASSWORD);
        await page.getByRole("button", { name: "Sign in" }).click();

        const secret = totpSecretOf(viewport.email);
        await page.getByLabel("Authentication code").fill(totpCodeAt(secret, new Date()));
        await page.getByRole("button", { name: "Verify" }).click();

        await expect.poll(() => page.getByRole("heading", { name: "Directory" }).count(), { timeout: 15_000 }).toBe(1);
        await expect.poll(() => page.getByTestId("party-row").count(), { timeout: 15_000 }).toBe(76);

        if (viewport.name === "phone") await page.getByRole("button", { name: "Open menu" }).click();
        await page.getByRole("radiogroup", { name: "Language" }).getByText("FR", { exact: true }).click();
        await expect.poll(() => page.getByRole("heading", { name: "Annuaire" }).count(), { timeout: 15_000 }).toBe(1);
        expect(await page.getByTestId("party-row").count()).toBe(76);
        expect(await page.locator("html").getAttribute("lang")).toBe("fr");
        // French names are shown in French.
        await expect.poll(() => page.getByText("Royaume-Uni").count()).toBeGreaterThan(0);
        await page.getByLabel("Rechercher").fill("cote divoire");
        await expect.poll(() => page.getByTestId("party-row").count()).toBe(1);

        // The preference is stored on the account: a reload keeps French.
        await page.reload();
        await expect.poll(() => page.getByRole("heading", { name: "Annuaire" }).count(), { timeout: 15_000 }).toBe(1);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
