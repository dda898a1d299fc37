import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoSession } from "../harness/demo-session";
import { TestSmtpServer } from "../harness/smtp";

// Journey 4, "The ping test": the Secretariat opens the demo network's ping test of 7 June 2023
// and reads the table in the source document's form ("Less than 30 minutes: +11 = 35 Parties"),
// with its bar chart and the Parties that did not answer, then in French. It then sends a small
// ping test to Malta now: the e-mails reach a real SMTP server started here, the link of one is
// opened in a browser with no session, a person acknowledges with her name, and the Secretariat's
// open page shows the counter move without being reloaded.
// Real server, demo network, Chromium.

let demo: DemoSession;
let smtp: TestSmtpServer;
// One sign-in for both steps: a TOTP code cannot be used twice.
let secretariat: Awaited<ReturnType<DemoSession["signIn"]>>;

beforeAll(async () => {
  smtp = await new TestSmtpServer().start();
  demo = await DemoSession.start("pings", { VIGIL_SMTP_URL: smtp.url });
});
afterAll(async () => {
  await demo?.stop();
  await smtp?.stop();
});

const DESKTOP = { width: 1280, height: 900 };

describe("journey 4: the ping test", () => {
  it("shows the report of 7 June 2023 with its chart, in English and in French", async () => {
    secretariat = await demo.signIn("secretariat@example.org", DESKTOP);
    const { page, errors } = secretariat;
    await page.getByRole("link", { name: "Ping tests" }).first().click();
    await page.getByTestId("ping-trend").waitFor();
    // The trend: a line per measure over the two demo campaigns.
    await page.locator('[data-testid="ping-trend"] .recharts-line').first().waitFor();
    await page.getByRole("link", { name: "Ping test of 7 June 2023" }).click();

    const rows = page.getByTestId("ping-report-row");
    await rows.first().waitFor();
    expect(await rows.allInnerTexts()).toEqual([
      "Less than 15 minutes: 24 Parties",
      "Less than 30 minutes: +11 = 35 Parties",
      "Less than 60 minutes: +7 = 42 Parties",
      "Less than 12 hours: +17 = 59 Parties",
      "Less than 24 hours: +2 = 61 Parties",
      "Less than 48 hours: +4 = 65 Parties",
      "Less than 3 days: +2 = 67 Parties",
      "Less than 6 days: +1 = 68 Parties",
    ]);
    // The bar chart of the same table: one bar per row.
    const bars = page.locator('[data-testid="ping-report-chart"] .recharts-bar-rectangle');
    await bars.first().waitFor();
    expect(await bars.count()).toBe(8);
    expect(await page.locator('[data-testid="ping-non-responders"] a').count()).toBe(8);

    // The second view counts contact points.
    await page.getByText("Contact points", { exact: true }).first().click();
    await expect.poll(async () => (await rows.first().innerText()).endsWith("contact points")).toBe(true);

    await page.getByRole("radiogroup", { name: "Language" }).getByText("FR", { exact: true }).click();
    await page.getByText("Parties", { exact: true }).first().click();
    await expect.poll(() => rows.nth(1).innerText()).toBe("Moins de 30 minutes : +11 = 35 Parties");
    expect(await rows.nth(3).innerText()).toBe("Moins de 12 heures : +17 = 59 Parties");
    await page.getByRole("radiogroup", { name: "Langue" }).getByText("EN", { exact: true }).click();
    expect(errors).toEqual([]);
  });

  it("sends a ping test now; an acknowledged link moves the open page's counter", async () => {
    // Malta's officer has Vigil open on another page.
    const malta = await demo.signIn("officer.mt@example.org", DESKTOP);
    await malta.page.getByRole("link", { name: "Directory" }).first().click();
    const { page, errors } = secretariat;
    await page.getByRole("link", { name: "Ping tests" }).first().click();
    await page.getByRole("link", { name: "New ping test" }).click();
    await page.getByLabel("Title").fill("Malta spot check");
    const parties = page
      .getByRole("textbox", { name: "Parties" })
      .or(page.getByRole("combobox", { name: "Parties" }))
      .first();
    await parties.click();
    await parties.fill("malt");
    await page.getByRole("option", { name: /^Malta$/ }).click();
    await page.keyboard.press("Escape");
    await expect
      .poll(() => page.getByTestId("ping-preview").innerText())
      .toContain("1 Parties, 1 contact points and 2");
    await page.getByRole("button", { name: "Create the ping test" }).click();

    await page.getByTestId("ping-status").waitFor();
    expect(await page.getByTestId("ping-status").textContent()).toBe("Running");
    expect(await page.getByTestId("ping-counter-sent").innerText()).toBe("2");
    // The outbox worker hands the messages to the SMTP server; the page follows without reloading.
    await expect.poll(() => page.getByTestId("ping-counter-delivered").innerText(), { timeout: 20_000 }).toBe("2");
    expect(await page.getByTestId("ping-counter-parties").innerText()).toBe("0 / 1");
    // In Vigil, Malta's officer is told at once: a banner on whatever page is open.
    await malta.page.getByTestId("open-ping-banner").waitFor({ timeout: 10_000 });

    const mail = smtp.received.find((m) => m.to[0] === "cp247.mt@example.org");
    const link = /(http\S+\/ping\/[A-Za-z0-9_-]{43})\b/.exec(mail?.text ?? "")?.[1];
    expect(link).toBeTruthy();

    // The duty officer opens the link with no session: a page with a button, nothing recorded yet.
    const context = await demo.browser.newContext({ viewport: { width: 390, height: 844 }, locale: "en-GB" });
    const phone = await context.newPage();
    await phone.goto((link as string).replace(/^http:\/\/localhost:\d+/, demo.url));
    await phone.locator('[data-testid="ping-ack-state"][data-state="valid"]').waitFor();
    expect(await page.getByTestId("ping-counter-parties").innerText()).toBe("0 / 1");
    await phone.getByLabel("Your name").fill("Maria Borg");
    await phone.getByRole("button", { name: "Acknowledge" }).click();
    await phone.getByTestId("ping-ack-done").waitFor();

    await expect.poll(() => page.getByTestId("ping-counter-parties").innerText(), { timeout: 10_000 }).toBe("1 / 1");
    expect(await page.getByTestId("ping-report-row").first().innerText()).toBe("Less than 15 minutes: 1 Parties");
    // Answered: the officer's banner goes away by itself.
    await malta.page.getByTestId("open-ping-banner").waitFor({ state: "detached", timeout: 10_000 });

    // The same link again: already answered, and it says so.
    await phone.reload();
    await phone.locator('[data-testid="ping-ack-state"][data-state="answered"]').waitFor();
    await context.close();
    expect(errors).toEqual([]);
    expect(malta.errors).toEqual([]);
  });
});
