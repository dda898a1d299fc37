import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoSession } from "../harness/demo-session";

// Journey 2, "Nobody answers": Malta sends Romania an emergency disclosure request (Second
// Additional Protocol Art. 9); Romania's primary contact point does not acknowledge within its
// 15-minute emergency target. Vigil reminds it, then alerts the secondary contact point; Malta's
// timeline shows each step with its time, and Romania's French-speaking administrator reads the
// same steps in French. When Romania finally acknowledges, the Secretariat's statistics show its
// median acknowledgement time. The demo server's clock is moved forward (VIGIL_CLOCK_CONTROL)
// instead of waiting half an hour; the deadline checks then run as their job would.

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("nobody-answers", { VIGIL_CLOCK_CONTROL: "1" });
});
afterAll(async () => {
  await demo?.stop();
});

const DESKTOP = { width: 1280, height: 900 };

async function choose(page: Page, label: string, typed: string, option: RegExp): Promise<void> {
  const input = page.getByRole("combobox", { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole("option", { name: option }).first().click();
}

/** Moves the demo server's clock forward; the deadline sweep runs and says what it did. */
const advance = (minutes: number) => demo.advanceClock(minutes);

describe("journey 2: nobody answers", () => {
  it("reminds the primary contact point, alerts the secondary, shows it on both timelines, and counts the delay", async () => {
    const malta = await demo.signIn("officer.mt@example.org", DESKTOP);
    const mt = malta.page;

    await mt.goto(`${demo.url}/requests/new`);
    await mt.getByLabel("Kind of request").selectOption("emergency_disclosure");
    await choose(mt, "Requested Party", "roman", /^Romania$/);
    const preview = mt.getByTestId("route-preview");
    await expect.poll(() => preview.getByTestId("route-contact-point").innerText()).toContain("National Police");
    // The sender knows before sending who is next in line, and how long the first one has.
    expect(await preview.innerText()).toContain("Prosecutor's Office");
    // The officer's own language is filled in, and Romania's contact point works in it.
    const language = mt.getByRole("combobox", { name: "Language of the request", exact: true });
    await expect.poll(() => language.inputValue()).toMatch(/^English/);
    await mt.getByRole("button", { name: "Continue" }).click();

    await mt.getByTestId("emergency-banner").waitFor();
    await mt.getByLabel("Your reference or case number").fill("MT-CCU-2026-311");
    const authority = mt.getByTestId("block-requesting-authority");
    await authority.getByLabel("Organisation").fill("Malta Police Force, Cybercrime Unit (fictional)");
    await authority.getByLabel("Person in charge").fill("Duty Officer (Malta)");
    await authority.getByLabel("Telephone").fill("+99 356 2000 0100");
    await authority.getByLabel("E-mail").fill("duty.mt@example.org");
    await authority.getByLabel("Office hours").fill("24/7 duty desk");
    await mt.getByRole("button", { name: "Same as the person in charge" }).click();
    const details = mt.getByTestId("block-details");
    await details.getByLabel(/^Provider/).fill("Example Mail Ltd (fictional)");
    await details.getByLabel(/^Offence/).fill("Threat to kill (fictional)");
    await details.getByLabel("Legal provisions and penalties").fill("Criminal Code (fictional), up to 5 years");
    await details.getByLabel("Facts showing the emergency").fill("A message announces an attack on a school today.");
    await details.getByLabel("How the data sought relate to the emergency").fill("The message came from this address");
    await details
      .getByRole("textbox", { name: "Data sought", exact: true })
      .fill("Subscriber information and last connection logs");
    const ip = mt.getByTestId("identifier-row").first();
    await ip.getByLabel("IP address").fill("198.51.100.23");
    await ip.getByLabel("Date and time used").fill("2026-11-22T21:05");
    await choose(mt, "Time zone of that time", "Malta", /^Europe\/Malta/);
    await mt.getByTestId("block-handling-conditions").getByLabel("Purpose").fill("Preventing an imminent attack");
    await mt.getByRole("button", { name: "Send", exact: true }).click();
    await mt.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    const requestUrl = mt.url();
    const number = (await mt.getByTestId("request-number").innerText()).trim();
    const timeline = mt.getByTestId("timeline");
    await timeline.locator('[data-testid="timeline-entry"][data-kind="sent"]').waitFor();

    // Fourteen minutes: still within the target, nothing happens.
    expect(await advance(14)).toMatchObject({ reminded: 0, escalated: 0 });
    // Fifteen: the primary contact point is reminded; Malta sees it on its timeline.
    expect(await advance(1)).toMatchObject({ reminded: 1, escalated: 0 });
    await mt.reload();
    const reminder = timeline.locator('[data-testid="timeline-entry"][data-kind="reminder"]');
    await reminder.waitFor();
    expect(await reminder.innerText()).toContain("Not acknowledged within 15 minutes: National Police reminded.");
    // Its time is shown in Malta's zone and in Romania's.
    expect(await reminder.innerText()).toMatch(/\d\d:\d\d.*\(your time\).*Bucharest/s);

    // Fifteen more: the secondary contact point is alerted; Malta is told without reloading.
    expect(await advance(15)).toMatchObject({ reminded: 0, escalated: 1 });
    const escalation = timeline.locator('[data-testid="timeline-entry"][data-kind="escalation"]');
    await escalation.waitFor({ timeout: 35_000 });
    expect(await escalation.innerText()).toContain(
      "Still not acknowledged: Prosecutor's Office (next contact point) alerted.",
    );
    const kinds = await timeline
      .getByTestId("timeline-entry")
      .evaluateAll((items) => items.map((i) => i.getAttribute("data-kind")));
    expect(kinds).toEqual(["created", "sent", "reminder", "escalation"]);
    await mt.getByTestId("notification-count").filter({ hasText: /[1-9]/ }).waitFor();
    expect(malta.errors).toEqual([]);

    // Romania's administrator (who reads Vigil in French) finds the same steps, in French, and acknowledges.
    const romania = await demo.signIn("admin.ro@example.org", DESKTOP);
    const ro = romania.page;
    await ro.goto(requestUrl);
    const roTimeline = ro.getByTestId("timeline");
    const roReminder = roTimeline.locator('[data-testid="timeline-entry"][data-kind="reminder"]');
    await roReminder.waitFor();
    expect(await roReminder.innerText()).toContain(
      "Pas d’accusé de réception dans les 15 minutes : rappel envoyé à National Police.",
    );
    expect(await roTimeline.locator('[data-testid="timeline-entry"][data-kind="escalation"]').innerText()).toContain(
      "Toujours pas d’accusé de réception : Prosecutor's Office (point de contact suivant) alerté.",
    );
    await ro.getByRole("button", { name: "Accuser réception", exact: true }).click();
    await ro.getByRole("dialog").getByTestId("confirm-transition").click();
    await ro.getByRole("dialog").waitFor({ state: "detached" });
    await roTimeline.locator('[data-testid="timeline-entry"][data-state="acknowledged"]').waitFor();
    expect(romania.errors).toEqual([]);

    // The Secretariat's statistics: Romania received one emergency, acknowledged after 30 minutes.
    const secretariat = await demo.signIn("secretariat@example.org", DESKTOP);
    const sec = secretariat.page;
    await sec.goto(`${demo.url}/statistics`);
    const row = sec.locator('[data-testid="party-figure"][data-party="RO"]');
    await row.waitFor();
    expect(await row.getByTestId("median-ack").innerText()).toMatch(/^3[01] min$/);
    expect(await sec.locator('[data-testid="party-figure"][data-party="MT"]').innerText()).toMatch(/Malta\s+1\s+0/);
    // Counts and times only: the request's number and content appear nowhere on the page.
    const page = await sec.locator("main").innerText();
    expect(page).not.toContain(number);
    expect(page).not.toContain("198.51.100.23");
    expect(secretariat.errors).toEqual([]);
  });
});
