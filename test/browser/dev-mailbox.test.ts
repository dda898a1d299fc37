import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoSession, publishRelease } from "../harness/demo-session";

// The development mailbox: in demo mode without SMTP, the e-mails Vigil sends are kept and shown
// on a page. The Secretariat publishes a release; every member's e-mail shows up there, newest
// first, each in its recipient's language, and its link opens the release inside the app.
// A Party's admin, on a phone, sees only the messages addressed to them.
// Real server, fresh embedded database with the demo network (so the mailbox is on), Chromium.

const VERSION = "2026-11";

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("mailbox", { VIGIL_DEMO_HISTORY: "0" }); // no release yet
});
afterAll(async () => {
  await demo?.stop();
});

const signIn = (email: string, viewport: { width: number; height: number }) => demo.signIn(email, viewport);

/** Marks the loaded document: still there after a click means the app navigated without reloading. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { vigilTestMark?: boolean }).vigilTestMark = true;
  });
}
async function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { vigilTestMark?: boolean }).vigilTestMark === true);
}

describe("the development mailbox", () => {
  it("shows the release e-mails to the Secretariat (all) and to a Party admin on a phone (their own)", async () => {
    const secretariat = await signIn("secretariat@example.org", { width: 1280, height: 900 });
    const sec = secretariat.page;

    // Publish a release through the releases page's form: it e-mails every member.
    await sec.goto(`${demo.url}/directory/releases`);
    await sec.getByTestId("no-releases").waitFor();
    await publishRelease(sec, VERSION, () => "First release of the directory.");

    // The discreet link at the foot of the navigation exists because this server has a mailbox.
    await sec.getByRole("link", { name: "Development mailbox" }).click();
    await sec.waitForURL(/\/dev\/mailbox$/);
    await sec.getByRole("heading", { name: "Development mailbox" }).waitFor();
    expect(
      await sec.getByText("Vigil runs in demo mode without an SMTP server, so the e-mails it would have sent").count(),
    ).toBe(1);

    // The outbox worker delivers within seconds; the page picks them up by itself (every 10 s).
    const releaseMails = sec.getByTestId("mailbox-message").filter({ hasText: VERSION });
    await releaseMails.and(sec.locator('[data-to="secretariat@example.org"]')).waitFor();
    await releaseMails.and(sec.locator('[data-to="admin.ro@example.org"]')).waitFor();
    // Addressed to several members, one e-mail each, the recipient shown to the Secretariat.
    const recipients = await releaseMails.evaluateAll((items) => items.map((i) => i.getAttribute("data-to")));
    expect(new Set(recipients).size).toBe(recipients.length);
    expect(recipients.length).toBeGreaterThan(1);
    expect(await releaseMails.and(sec.locator('[data-to="admin.ro@example.org"]')).innerText()).toContain(
      "admin.ro@example.org",
    );
    // Each in its recipient's language: Romania's admin reads French.
    expect(await releaseMails.and(sec.locator('[data-to="admin.ro@example.org"]')).innerText()).toContain(
      `[Vigil] Version ${VERSION} de l'annuaire publiée`,
    );
    // Newest first.
    const times = await sec
      .getByTestId("mailbox-message")
      .evaluateAll((items) => items.map((i) => i.getAttribute("data-sent-at") ?? ""));
    expect(times).toEqual([...times].sort().reverse());

    // Open the Secretariat's own copy: its plain text, with the link to the release clickable.
    const own = releaseMails.and(sec.locator('[data-to="secretariat@example.org"]'));
    expect(await own.innerText()).toContain(`[Vigil] Directory version ${VERSION} published`);
    await own.click();
    const reading = sec.getByTestId("mailbox-reading");
    await reading.waitFor();
    expect(await reading.getByTestId("mailbox-body").innerText()).toContain(
      `Version ${VERSION} of the directory of 24/7 contact points has been published.`,
    );
    const url = `${demo.url}/directory/releases?version=${VERSION}`;
    const link = reading.getByRole("link", { name: url, exact: true });
    // A link to this same Vigil is an in-app path: the router opens it without reloading.
    expect(await link.getAttribute("href")).toBe(`/directory/releases?version=${VERSION}`);
    await markDocument(sec);
    await link.click();
    await sec.waitForURL(url);
    await sec.locator(`[data-testid="release"][data-version="${VERSION}"]`).waitFor();
    expect(await sameDocument(sec)).toBe(true);

    // Romania's party admin (a French-speaking account) on a phone: only their own messages.
    const romania = await signIn("admin.ro@example.org", { width: 390, height: 844 });
    const ro = romania.page;
    await ro.getByRole("button", { name: "Ouvrir le menu" }).click();
    await ro.getByRole("link", { name: "Boîte aux lettres de développement" }).click();
    await ro.waitForURL(/\/dev\/mailbox$/);
    await ro.getByRole("heading", { name: "Boîte aux lettres de développement" }).waitFor();
    const roMail = ro.getByTestId("mailbox-message").filter({ hasText: VERSION });
    await roMail.waitFor();
    expect(
      new Set(await ro.getByTestId("mailbox-message").evaluateAll((items) => items.map((i) => i.dataset.to))),
    ).toEqual(new Set(["admin.ro@example.org"]));
    expect(await roMail.innerText()).toContain(`[Vigil] Version ${VERSION} de l'annuaire publiée`);
    // Nothing wider than the phone.
    expect(await ro.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Opening it gives the phone's width to the message; "back" returns to the list.
    await roMail.click();
    const roReading = ro.getByTestId("mailbox-reading");
    await roReading.waitFor();
    await roMail.waitFor({ state: "hidden" });
    expect(await roReading.getByTestId("mailbox-body").innerText()).toContain(
      `La version ${VERSION} de l'annuaire des points de contact 24/7 a été publiée.`,
    );
    expect(await ro.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await roReading.getByRole("button", { name: "Retour aux messages" }).click();
    await roMail.waitFor();
    await roMail.click();
    await markDocument(ro);
    await roReading.getByRole("link", { name: url, exact: true }).click();
    await ro.waitForURL(url);
    await ro.locator(`[data-testid="release"][data-version="${VERSION}"]`).waitFor();
    expect(await sameDocument(ro)).toBe(true);

    expect(secretariat.errors).toEqual([]);
    expect(romania.errors).toEqual([]);
  });
});
