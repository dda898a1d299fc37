import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../src/server/demo/seed";
import { DemoSession } from "../harness/demo-session";

// Journey: an officer registers a security key in My settings (Chromium's virtual authenticator),
// signs out, signs in with password and key, and later confirms a sensitive action with the key
// in the re-authentication modal. The proof of identity lasts one minute here (VIGIL_REAUTH_MINUTES).
let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("security-keys", { VIGIL_REAUTH_MINUTES: "1" });
});
afterAll(async () => {
  await demo?.stop();
});

const EMAIL = "officer.ro@example.org";

describe("security keys", () => {
  it("registers a key, signs in with password and key, and re-authenticates with it", async () => {
    const { page, errors } = await demo.signIn(EMAIL, { width: 1280, height: 900 });

    // Every answer carries the security headers, static files included.
    const index = await page.request.get(`${demo.url}/`);
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
    expect(script).toBeDefined();
    for (const res of [index, await page.request.get(`${demo.url}${script}`)]) {
      const h = res.headers();
      expect(res.status()).toBe(200);
      expect(h["content-security-policy"]).toContain("script-src 'self'");
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["referrer-policy"]).toBe("no-referrer");
      expect(h["cross-origin-opener-policy"]).toBe("same-origin");
      expect(h["cross-origin-resource-policy"]).toBe("same-origin");
      expect(h["permissions-policy"]).toContain("camera=()");
      expect(h["x-powered-by"]).toBeUndefined();
    }

    // A virtual security key, plugged in.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
      options: {
        protocol: "ctap2",
        transport: "usb",
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });

    await page.goto(`${demo.url}/settings`);
    const panel = page.getByTestId("security-keys");
    await panel.getByText("No security key yet").waitFor();
    await panel.getByLabel("Name of the new key").fill("Blue key");
    await panel.getByRole("button", { name: "Add a security key" }).click();
    await panel.getByTestId("security-key").filter({ hasText: "Blue key" }).waitFor();
    const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
    expect(credentials).toHaveLength(1);

    // Sign out, then in again with the password and the key instead of a code.
    await page.getByRole("button", { name: "Sign out" }).first().click();
    await page.getByText("You have been signed out.").waitFor();
    await page.getByLabel("E-mail").fill(EMAIL);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Use a security key" }).click();
    await page.locator('[data-testid="notification-count"][data-loaded="true"]').waitFor();
    const signedInAt = Date.now();

    // The key shows it was used.
    await page.goto(`${demo.url}/settings`);
    await expect
      .poll(() => panel.innerText().catch((e: Error) => e.message), { timeout: 10_000 })
      .toMatch(/Blue key\s+Added .* · last used/);

    // Past the one-minute window, making a calendar address (a standing credential) asks again.
    await page.waitForTimeout(Math.max(0, signedInAt + 62_000 - Date.now()));
    await page.getByRole("button", { name: "Make my calendar address" }).click();
    const modal = page.getByRole("dialog", { name: "Confirm it is you" });
    await modal.waitFor();
    await modal.getByRole("textbox", { name: "Password" }).fill(DEMO_PASSWORD);
    await modal.getByRole("button", { name: "Confirm with a security key" }).click();
    await modal.waitFor({ state: "hidden" });
    // The refused action went through once confirmed: the new address is shown.
    await expect
      .poll(() => page.getByLabel("Your calendar address (iCalendar)").inputValue())
      .toMatch(/\/calendar\/[A-Za-z0-9_-]+\.ics$/);

    // The key can be removed.
    page.once("dialog", (d) => void d.accept());
    await panel.getByRole("button", { name: "Remove Blue key" }).click();
    await panel.getByText("No security key yet").waitFor();

    expect(errors).toEqual([]);
  }, 240_000);
});
