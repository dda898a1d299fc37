import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoSession } from "../harness/demo-session";

// A duty officer turns off the e-mail of new directory releases and sets quiet hours on their own
// settings page; after a reload both are still there. Emergencies stay locked on. Real server,
// demo network, Chromium.

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("prefs");
});
afterAll(async () => {
  await demo?.stop();
});

describe("notification preferences", () => {
  it("keeps an e-mail switched off and quiet hours across a reload; emergencies cannot be switched off", async () => {
    const { page, errors } = await demo.signIn("officer.ro@example.org", { width: 1280, height: 900 });
    await page.getByRole("link", { name: "My settings" }).click();
    await page.getByRole("heading", { name: "Notifications" }).waitFor();

    const releaseMail = page.getByRole("switch", { name: "By e-mail: New directory release" });
    const releaseInApp = page.getByRole("switch", { name: "In Vigil: New directory release" });
    await expect.poll(() => releaseMail.isChecked()).toBe(true);

    // A ping test is an emergency: both switches on and locked, with the reason beside them.
    const ping = page.locator('[data-testid="notification-kind"][data-kind="ping.received"]');
    expect(await ping.getAttribute("data-locked")).toBe("true");
    for (const name of ["By e-mail: Ping test", "In Vigil: Ping test"]) {
      const locked = page.getByRole("switch", { name });
      expect(await locked.isChecked()).toBe(true);
      expect(await locked.isDisabled()).toBe(true);
    }
    expect(await ping.textContent()).toContain("even during quiet hours");

    const save = page.getByTestId("notification-settings-save");
    expect(await save.isDisabled()).toBe(true); // nothing changed yet
    await releaseMail.uncheck({ force: true });
    await page.getByTestId("quiet-enabled").check({ force: true });
    await page.getByTestId("quiet-start").fill("23:00");
    // The officer's own zone (demo: Bucharest) is the clock of the quiet hours.
    expect(await page.getByTestId("quiet-zone").textContent()).toContain("Europe/Bucharest");
    await save.click();
    await page.getByText("Notification settings saved").waitFor();

    await page.reload();
    await page.getByRole("heading", { name: "Notifications" }).waitFor();
    await expect.poll(() => releaseInApp.isChecked()).toBe(true);
    expect(await releaseMail.isChecked()).toBe(false);
    expect(await page.getByTestId("quiet-start").inputValue()).toBe("23:00");
    expect(await page.getByTestId("quiet-end").inputValue()).toBe("07:00");

    // What the server now holds, through the same session.
    const stored = await page.evaluate(async () => (await fetch("/api/me/notification-preferences")).json());
    expect(stored.quietHours).toEqual({ start: "23:00", end: "07:00" });
    expect(stored.channels.find((c: { kind: string }) => c.kind === "directory.release_published")).toMatchObject({
      inApp: true,
      email: false,
    });
    expect(errors).toEqual([]);
  });
});
