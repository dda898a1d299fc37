import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { totpCodeAt } from "../../src/server/auth/totp";
import { DEMO_PASSWORD } from "../../src/server/demo/seed";
import { launchChromium } from "./browser";
import { type RunningServer, startServer } from "./server";

/**
 * A browser journey's setting: the real server on a fresh data folder with the demo network, and
 * Chromium. Demo accounts sign in with password and the TOTP secret the start-up banner prints.
 */
export class DemoSession {
  private readonly contexts: BrowserContext[] = [];
  private constructor(
    readonly server: RunningServer,
    readonly browser: Browser,
    private readonly dataDir: string,
  ) {}

  /** `env` adds to the demo configuration (an SMTP server, say). */
  static async start(name: string, env: Record<string, string> = {}): Promise<DemoSession> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `vigil-${name}-`));
    const server = await startServer({ VIGIL_DATA: dataDir, VIGIL_DEMO: "1", ...env });
    return new DemoSession(server, await launchChromium(), dataDir);
  }

  /** How far the server's clock was moved forward (VIGIL_CLOCK_CONTROL): its TOTP codes follow it. */
  private clockOffsetMs = 0;

  /**
   * Moves the demo server's clock forward (it must have started with VIGIL_CLOCK_CONTROL=1); the
   * deadline checks run, and their counts come back.
   */
  async advanceClock(minutes: number): Promise<{ reminded: number; escalated: number; warned: number }> {
    const res = await fetch(`${this.url}/api/demo/clock`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ minutes }),
    });
    if (res.status !== 200) throw new Error(`moving the clock: ${res.status} ${await res.text()}`);
    this.clockOffsetMs += minutes * 60_000;
    return ((await res.json()) as { deadlines: { reminded: number; escalated: number; warned: number } }).deadlines;
  }

  get url(): string {
    return this.server.url;
  }

  /** The demo account's TOTP secret, as the start-up banner prints it. */
  async totpSecretOf(email: string): Promise<string> {
    const line = new RegExp(`${email.replace(/[.@]/g, "\\$&")}\\s+\\S+\\s+TOTP secret (\\S+)`);
    await expect.poll(() => line.test(this.server.output()), { timeout: 10_000 }).toBe(true);
    return line.exec(this.server.output())?.[1] as string;
  }

  /** A new browser context signed in as a demo account; page errors are collected in `errors`. */
  async signIn(
    email: string,
    viewport: { width: number; height: number },
    opts: { acceptDownloads?: boolean } = {},
  ): Promise<{ page: Page; errors: string[] }> {
    const context = await this.browser.newContext({ viewport, locale: "en-GB", ...opts });
    this.contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${this.url}/directory`);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page
      .getByLabel("Authentication code")
      .fill(totpCodeAt(await this.totpSecretOf(email), new Date(Date.now() + this.clockOffsetMs)));
    await page.getByRole("button", { name: "Verify" }).click();
    // The shell is up once its notification bell has loaded.
    await page.locator('[data-testid="notification-count"][data-loaded="true"]').waitFor();
    return { page, errors };
  }

  async stop(): Promise<void> {
    for (const c of this.contexts) await c.close();
    await this.browser.close();
    await this.server.stop();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Fills the publication form of the releases page (already open) and waits for the new release. */
export async function publishRelease(page: Page, version: string, notes?: (current: string) => string): Promise<void> {
  await page.getByRole("textbox", { name: /^Version/ }).fill(version);
  if (notes) {
    const field = page.getByLabel("Notes", { exact: true });
    await field.fill(notes(await field.inputValue()));
  }
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.locator(`[data-testid="release"][data-version="${version}"]`).waitFor();
}
