import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoSession } from "../harness/demo-session";

// Journey 7, "Data protection": "The Secretariat records a security incident and the affected
// Parties are notified." The Secretariat fills the incident form for Romania; Romania's officer,
// with Vigil open, is told at once (the bell, then the incident page) and gets an e-mail that only
// says an incident affecting his Party was recorded; Chile, not affected, sees nothing of it. Then
// Romania's administrator, in French, suspends transfers to Chile (Art. 14(15)) and lifts it again.
// Real server, demo network, Chromium.

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("data-protection");
});
afterAll(async () => {
  await demo?.stop();
});

const DESKTOP = { width: 1280, height: 900 };
const TITLE = "Duty mailbox of a liaison officer opened by an intruder";
const WHAT = "A phishing message gave an intruder access to a duty mailbox for three hours on 20 November.";

/** Picks options of a Mantine multi-select by typing part of each. */
async function pick(page: Page, label: string, typed: string, option: RegExp): Promise<void> {
  const input = page.getByRole("textbox", { name: label }).or(page.getByRole("combobox", { name: label }));
  await input.first().click();
  await input.first().fill(typed);
  await page.getByRole("option", { name: option }).first().click();
  await page.keyboard.press("Escape");
}

describe("journey 7: data protection", () => {
  it("is recorded by the Secretariat and Romania is notified at once, in Vigil and by e-mail; Chile is not", async () => {
    const romania = await demo.signIn("officer.ro@example.org", DESKTOP);
    const ro = romania.page;
    await ro.goto(`${demo.url}/data-protection`);
    await ro.getByTestId("incidents-empty").waitFor();
    const bell = ro.getByTestId("notification-count");
    const before = Number(await bell.getAttribute("data-count"));

    const secretariat = await demo.signIn("secretariat@example.org", DESKTOP);
    const sec = secretariat.page;
    await sec.goto(`${demo.url}/directory`);
    await sec.getByRole("link", { name: "Data protection" }).first().click();
    await sec.getByRole("link", { name: "Record an incident" }).click();

    // Sent empty first: every missing field is named, nothing is recorded.
    await sec.getByRole("button", { name: "Record and notify" }).click();
    await sec.getByTestId("incident-form-errors").waitFor();
    expect(await sec.getByTestId("incident-form").innerText()).toContain("Name at least one affected Party");

    await sec.getByLabel("Short title").fill(TITLE);
    await sec.getByLabel("Detected at").fill("2026-11-20T22:15");
    await pick(sec, "Parties affected", "roman", /^Romania$/);
    await sec.getByLabel("What happened").fill(WHAT);
    await sec.getByLabel("Content of requests").check();
    await sec.getByLabel("Messages").check();
    await sec.getByLabel("Measures taken").fill("Password reset, all sessions ended, mailbox rules checked.");
    await sec.getByRole("button", { name: "Record and notify" }).click();

    // The incident's page: Romania named, and when it was told.
    await sec.getByTestId("incident-status").waitFor();
    expect(await sec.getByRole("heading", { level: 1 }).innerText()).toBe(TITLE);
    expect(await sec.getByTestId("incident-parties").innerText()).toMatch(/Romania \(notified .+\)/);

    // Romania's open page learns of it within seconds (the event stream), worded in its language.
    await expect
      .poll(async () => Number(await bell.getAttribute("data-count")), { timeout: 10_000, interval: 100 })
      .toBe(before + 1);
    await ro.getByRole("button", { name: /Notifications/ }).click();
    const note = ro.locator('[data-testid="notification"][data-kind="incident.recorded"]');
    expect(await note.innerText()).toContain("A security incident affecting Romania was recorded.");
    await note.click();
    await ro.getByTestId("incident-description").waitFor();
    expect(await ro.getByTestId("incident-description").innerText()).toBe(WHAT);
    // Romania sees itself among the affected, and records nothing: no update form.
    expect(await ro.getByTestId("incident-parties").innerText()).toContain("Romania");
    expect(await ro.getByTestId("incident-update-form").count()).toBe(0);

    // The e-mail (development mailbox) says there is an incident and where, nothing of it.
    await ro.goto(`${demo.url}/dev/mailbox`);
    const mail = ro.locator('[data-testid="mailbox-message"][data-to="officer.ro@example.org"]', {
      hasText: "Security incident affecting your Party",
    });
    await expect.poll(() => mail.count(), { timeout: 15_000, interval: 500 }).toBeGreaterThan(0);
    await mail.first().click();
    const body = await ro.getByTestId("mailbox-body").innerText();
    expect(body).toContain("/data-protection/incidents/");
    expect(body).not.toContain("phishing");
    expect(body).not.toContain(TITLE);

    // Chile is not affected: the register is empty for it.
    const chile = await demo.signIn("officer.cl@example.org", DESKTOP);
    await chile.page.goto(`${demo.url}/data-protection`);
    await chile.page.getByTestId("incidents-empty").waitFor();

    expect(romania.errors).toEqual([]);
    expect(secretariat.errors).toEqual([]);
    expect(chile.errors).toEqual([]);
  });

  it("a Party's administrator suspends transfers to another Party; the route preview warns before sending (Art. 14(15))", async () => {
    const admin = await demo.signIn("admin.ro@example.org", DESKTOP);
    const page = admin.page;
    await page.goto(`${demo.url}/data-protection/suspensions`);
    // Romania's administrator works in French.
    await page.getByRole("button", { name: "Suspendre des transferts" }).click();
    const form = page.getByTestId("suspend-form");
    // The Party is the admin's own, fixed; the other is chosen.
    const from = form.getByRole("combobox", { name: "Transferts de" });
    await expect.poll(() => from.inputValue()).toBe("Roumanie");
    expect(await from.isDisabled()).toBe(true);
    const to = form.getByRole("combobox", { name: "Vers" });
    await to.click();
    await to.fill("chil");
    await page.getByRole("option", { name: /^Chili$/ }).click();
    await form.getByLabel("Motif").fill("Garanties sur l'usage des données en cours d'examen");
    await form.getByRole("button", { name: "Suspendre les transferts" }).click();
    const card = page.locator('[data-testid="suspension"][data-from="RO"][data-to="CL"]');
    await card.waitFor();
    expect(await card.textContent()).toContain("En vigueur");

    // Starting a request to Chile from Romania, the route preview says so before anything is filled in.
    // (The admin works requests too; the officer's account signed in above and a TOTP code is used once.)
    const ro = page;
    const startRequest = async () => {
      await ro.goto(`${demo.url}/requests/new`);
      await ro.getByLabel("Type de demande").selectOption("legal_information");
      const party = ro.getByRole("combobox", { name: "Partie requise", exact: true });
      await party.click();
      await party.fill("chil");
      await ro
        .getByRole("option", { name: /^Chili$/ })
        .first()
        .click();
      await ro.getByTestId("route-contact-point").waitFor();
    };
    await startRequest();
    const warning = ro.locator('[data-testid="route-warning"][data-code="transfers_suspended"]');
    await warning.waitFor();
    expect(await warning.innerText()).toContain("Votre Partie a suspendu les transferts vers Chili");

    // Lifted, the warning goes.
    await page.goto(`${demo.url}/data-protection/suspensions`);
    await card.getByRole("button", { name: "Lever la suspension" }).click();
    await card.getByLabel("Pourquoi les transferts peuvent reprendre").fill("Garanties reçues");
    await card.getByRole("button", { name: "Lever", exact: true }).click();
    await page.getByText("Aucune suspension en vigueur ne concerne votre Partie.").waitFor();
    await startRequest();
    expect(await ro.locator('[data-testid="route-warning"][data-code="transfers_suspended"]').count()).toBe(0);
    expect(admin.errors).toEqual([]);
  });
});
