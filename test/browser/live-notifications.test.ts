import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCodeAt } from "../../src/server/auth/totp";
import { DEMO_PASSWORD } from "../../src/server/demo/seed";
import { launchChromium } from "../harness/browser";
import { type RunningServer, startServer } from "../harness/server";

// Real time: an officer's open page learns of a new release within seconds, through the server's
// event stream, while its own polling runs only every 30 s. Real server, demo network, Chromium.

let server: RunningServer;
let browser: Browser;
let dataDir: string;
const contexts: BrowserContext[] = [];

const VERSION = "2026-12";

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-live-"));
  server = await startServer({ VIGIL_DATA: dataDir, VIGIL_DEMO: "1" });
  browser = await launchChromium();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** The demo account's TOTP secret, as the start-up banner prints it. */
async function totpSecretOf(email: string): Promise<string> {
  const line = new RegExp(`${email.replace(/[.@]/g, "\\$&")}\\s+\\S+\\s+TOTP secret (\\S+)`);
  await expect.poll(() => line.test(server.output()), { timeout: 10_000 }).toBe(true);
  return line.exec(server.output())?.[1] as string;
}

async function signIn(
  email: string,
  viewport: { width: number; height: number },
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, locale: "en-GB" });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}/directory`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByLabel("Authentication code").fill(totpCodeAt(await totpSecretOf(email), new Date()));
  await page.getByRole("button", { name: "Verify" }).click();
  // The shell is up once its notification bell has loaded.
  await page.locator('[data-testid="notification-count"][data-loaded="true"]').waitFor();
  return { page, errors };
}

describe("live notifications", () => {
  it("updates an open page's bell within seconds of a release published elsewhere", async () => {
    const officer = await signIn("officer.cl@example.org", { width: 1280, height: 900 });
    const bell = officer.page.getByTestId("notification-count");
    const before = Number(await bell.getAttribute("data-count"));

    const secretariat = await signIn("secretariat@example.org", { width: 1280, height: 900 });
    const sec = secretariat.page;
    await sec.goto(`${server.url}/directory/releases`);
    await sec.getByTestId("no-releases").waitFor();
    await sec.getByRole("textbox", { name: /^Version/ }).fill(VERSION);
    await sec.getByRole("button", { name: "Publish", exact: true }).click();
    await sec.locator(`[data-testid="release"][data-version="${VERSION}"]`).waitFor();

    // Far below the 30 s polling interval: only the event stream can bring it this fast.
    await expect
      .poll(async () => Number(await bell.getAttribute("data-count")), { timeout: 5_000, interval: 100 })
      .toBe(before + 1);
    expect(officer.errors).toEqual([]);
    expect(secretariat.errors).toEqual([]);
  });
});
