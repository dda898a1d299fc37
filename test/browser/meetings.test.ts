import fs from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoSession } from "../harness/demo-session";
import { pdfPages } from "../harness/document-text";

// Issue 9, points 3 and 4, the Secretariat's side of journey 6: it records the year's annual
// meeting, adds a Party's delegate (in person) and an observer State's (online), marks who came,
// and the participation line counts them; it records a capacity-building activity; the plenary
// report of the period then carries both. A Party's officer reaches neither page nor API.
// Real server, demo network (with its 2024), Chromium.

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("meetings");
});
afterAll(async () => {
  await demo?.stop();
});

const DESKTOP = { width: 1280, height: 900 };
const MEETING = "2026 Annual meeting of the 24/7 Network (fictional)";
const ACTIVITY = "Workshop on preservation requests for new contact points (fictional)";

/** Picks an option of a Mantine select or multi-select by typing part of it. */
async function pick(page: Page, label: string, typed: string, option: RegExp): Promise<void> {
  const input = page.getByRole("textbox", { name: label }).or(page.getByRole("combobox", { name: label }));
  await input.first().click();
  await input.first().fill(typed);
  await page.getByRole("option", { name: option }).first().click();
  await page.keyboard.press("Escape");
}

const line = (page: Page) => page.getByTestId("participation").innerText();

describe("annual meetings and capacity building", () => {
  it("the Secretariat records a meeting and its delegates, an activity, and the plenary report counts them", async () => {
    const { page, errors } = await demo.signIn(
      "secretariat@example.org",
      { width: 1280, height: 900 },
      { acceptDownloads: true },
    );
    await page.getByRole("link", { name: "Annual meetings" }).first().click();
    // The demo's 2024 meeting, with the participation the server counts from its delegates.
    const rows = page.getByTestId("meeting-row");
    await rows.first().waitFor();
    expect(await rows.first().innerText()).toContain(
      "94 delegates (81 in person and 13 online), representing 59 countries (48 Parties and 11 Observers) and 4 international organisations",
    );

    await page.getByRole("link", { name: "Record a meeting" }).click();
    // The shared schema refuses it beside its fields before anything is sent.
    await page.getByRole("textbox", { name: /^Title/ }).fill(MEETING);
    await page.getByLabel("First day").fill("2026-10-15");
    await page.getByLabel("Last day (optional)").fill("2026-10-14");
    await page.getByRole("button", { name: "Record the meeting" }).click();
    await page.getByTestId("meeting-form-errors").waitFor();
    expect(await page.getByTestId("meeting-form").innerText()).toContain("The last day cannot be before the first.");
    expect(await page.getByRole("textbox", { name: /^Place/ }).getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Last day (optional)").fill("2026-10-16");
    await page.getByRole("textbox", { name: /^Place/ }).fill("Strasbourg");
    await page.getByRole("button", { name: "Record the meeting" }).click();

    await page.getByRole("heading", { name: MEETING }).waitFor();
    // Calendar days, as the rest of the app writes them in the UI language.
    expect(await page.getByText(/^Strasbourg, October 15\s*–\s*16, 2026$/).count()).toBe(1);
    expect(await line(page)).toBe(
      "0 delegates (0 in person and 0 online), representing 0 countries (0 Parties and 0 Observers) and 0 international organisations",
    );
    await page.getByTestId("registrations-empty").waitFor();

    // A Party's delegate, registered, in person.
    const form = page.getByTestId("registration-form");
    await form.getByRole("textbox", { name: /^Name/ }).fill("Ioana Example");
    await form.getByLabel("E-mail (optional)").fill("ioana.example@example.org");
    await pick(page, "Party", "roman", /^Romania$/);
    await form.getByLabel("Invitation").selectOption({ label: "Registered" });
    await form.getByRole("button", { name: "Add the delegate" }).click();
    await page.locator('[data-testid="registration"][data-name="Ioana Example"]').waitFor();

    // An observer State's delegate (the list offers only States that are no Party), registered, online.
    await form.getByRole("radio", { name: "Observer State" }).check();
    await form.getByRole("textbox", { name: /^Name/ }).fill("Mateo Example");
    await pick(page, "Observer State", "mexi", /^Mexico$/);
    await form.getByRole("radio", { name: "Online" }).check();
    await form.getByLabel("Invitation").selectOption({ label: "Registered" });
    await form.getByRole("button", { name: "Add the delegate" }).click();
    const mateo = page.locator('[data-testid="registration"][data-name="Mateo Example"]');
    await mateo.waitFor();
    expect(await page.getByTestId("registration").count()).toBe(2);
    expect(await mateo.innerText()).toContain("Mexico");
    // textContent: the badge shows it in capitals.
    expect(await mateo.textContent()).toContain("Observer State");
    // Registered is not attended: nobody counts yet.
    expect(await page.getByTestId("invitations").innerText()).toBe("Invitations: 2; registrations: 2");
    expect(await line(page)).toMatch(/^0 delegates/);

    await page.getByRole("checkbox", { name: "Ioana Example attended" }).check();
    await expect
      .poll(() => line(page))
      .toBe(
        "1 delegate (1 in person and 0 online), representing 1 country (1 Party and 0 Observers) and 0 international organisations",
      );
    await page.getByRole("checkbox", { name: "Mateo Example attended" }).check();
    await expect
      .poll(() => line(page))
      .toBe(
        "2 delegates (1 in person and 1 online), representing 2 countries (1 Party and 1 Observer) and 0 international organisations",
      );
    // Declining takes the attendance away (the server's rule), registering again gives it back.
    await page.getByLabel("Invitation of Mateo Example").selectOption({ label: "Declined" });
    await expect.poll(() => mateo.getAttribute("data-attended")).toBe("false");
    expect(await line(page)).toMatch(/^1 delegate \(/);
    expect(await page.getByRole("checkbox", { name: "Mateo Example attended" }).isDisabled()).toBe(true);
    await page.getByLabel("Invitation of Mateo Example").selectOption({ label: "Registered" });
    await expect.poll(() => page.getByRole("checkbox", { name: "Mateo Example attended" }).isEnabled()).toBe(true);
    await page.getByRole("checkbox", { name: "Mateo Example attended" }).check();
    await expect.poll(() => line(page)).toMatch(/^2 delegates \(1 in person and 1 online\)/);

    // Newest first in the list, with the same line.
    await page.getByRole("link", { name: "All annual meetings" }).click();
    await expect.poll(() => rows.first().innerText()).toContain(MEETING);
    expect(await rows.first().getByTestId("meeting-participation").innerText()).toContain(
      "2 delegates (1 in person and 1 online), representing 2 countries (1 Party and 1 Observer) and 0 international organisations",
    );
    expect(await rows.nth(1).innerText()).toContain("2024");

    // Capacity building: the activity, listed and filtered.
    await page.getByRole("link", { name: "Capacity building" }).first().click();
    await page.getByTestId("activities").waitFor();
    const before = await page.getByTestId("activity").count();
    await page.getByRole("link", { name: "Record an activity" }).click();
    await page.getByRole("button", { name: "Record the activity" }).click();
    await page.getByTestId("activity-form-errors").waitFor();
    expect(await page.getByRole("textbox", { name: /^Title/ }).getAttribute("aria-invalid")).toBe("true");
    await page.getByRole("textbox", { name: /^Title/ }).fill(ACTIVITY);
    await page.getByLabel("Kind").selectOption({ label: "Workshop" });
    await page.getByLabel("Project (optional)").fill("Octopus Project");
    await pick(page, "Countries", "roman", /^Romania$/);
    await pick(page, "Countries", "mexi", /^Mexico$/);
    await page.getByLabel("First day").fill("2026-09-22");
    await page.getByRole("button", { name: "Record the activity" }).click();
    const added = page.locator(`[data-testid="activity"][data-title="${ACTIVITY}"]`);
    await added.waitFor();
    expect(await page.getByTestId("activity").count()).toBe(before + 1);
    const text = await added.innerText();
    for (const part of ["September 22, 2026", "Workshop", "Romania, Mexico", "Octopus Project"]) {
      expect(text).toContain(part);
    }
    // Filters (kept in the address): the year keeps it, another kind leaves it out.
    const count = () => page.getByTestId("activity").count();
    await page.getByLabel("Year").selectOption("2026");
    await expect.poll(count).toBe(1);
    expect(page.url()).toContain("year=2026");
    await page.getByLabel("Kind").selectOption({ label: "Study visit" });
    await page.getByTestId("activities-empty").waitFor();
    expect(await page.getByTestId("activities-empty").innerText()).toBe("No activity matches these filters.");
    // The demo's 2024 study visit (Ecuador to the Dominican Republic).
    await page.getByLabel("Year").selectOption({ label: "All years" });
    await expect.poll(count).toBe(1);
    expect(await page.getByTestId("activity").innerText()).toContain(
      "Study visit of the 24/7 contact point of Ecuador",
    );
    await page.getByLabel("Kind").selectOption({ label: "All kinds" });
    await expect.poll(count).toBe(before + 1);

    // The plenary report of the period holds the meeting and the activity.
    await page.getByRole("link", { name: "Statistics" }).first().click();
    const panel = page.getByRole("region", { name: "Plenary report" });
    await panel.getByLabel("From", { exact: true }).fill("2026-06-01");
    await panel.getByLabel("To", { exact: true }).fill("2026-11-30");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("link", { name: "Plenary report (PDF)" }).click(),
    ]);
    const pdf = pdfPages(fs.readFileSync(await download.path()))
      .map((p) => p.text)
      .join("\n")
      .replace(/-\n/g, "-")
      .replace(/\s+/g, " ");
    expect(pdf).toContain(MEETING);
    expect(pdf).toContain(
      "Participation: 2 delegates (1 in person and 1 online), representing 2 countries (1 Party and 1 Observer) and 0 international organisations",
    );
    expect(pdf).toContain(ACTIVITY);
    expect(pdf).not.toContain("No annual meeting was held in the period.");

    // The same pages in French.
    await page.getByRole("radiogroup", { name: "Language" }).getByText("FR", { exact: true }).click();
    await page.getByRole("link", { name: "Réunions annuelles" }).first().click();
    await page.getByRole("link", { name: MEETING }).click();
    await expect
      .poll(() => line(page))
      .toBe(
        "2 délégués (1 en présentiel et 1 en ligne), représentant 2 pays (1 Partie et 1 observateur) et 0 organisation internationale",
      );
    expect(await page.getByText(/^Strasbourg, 15\s*–\s*16 octobre 2026$/).count()).toBe(1);
    expect(await mateo.innerText()).toContain("Mexique");
    await page.getByRole("link", { name: "Renforcement des capacités" }).first().click();
    expect(await added.innerText()).toContain("22 septembre 2026");
    expect(await added.innerText()).toContain("Atelier");
    // Back to English for whoever signs in next with this account.
    await page.getByRole("radiogroup", { name: "Langue" }).getByText("EN", { exact: true }).click();
    expect(errors).toEqual([]);
  });

  it("a Party's officer reaches neither the pages nor the API", async () => {
    const { page, errors } = await demo.signIn("officer.ro@example.org", DESKTOP);
    expect(await page.getByRole("link", { name: "Annual meetings" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Capacity building" }).count()).toBe(0);
    for (const path of ["/meetings", "/meetings/new", "/capacity-building"]) {
      await page.goto(`${demo.url}${path}`);
      await page.getByRole("heading", { name: "Access not granted" }).waitFor();
    }
    const statuses = await page.evaluate(async () => {
      const session = await (await fetch("/api/auth/session")).json();
      const headers = { "content-type": "application/json", "x-csrf-token": session.csrfToken };
      const list = await fetch("/api/meetings");
      const activities = await fetch("/api/capacity-building");
      const create = await fetch("/api/meetings", {
        method: "POST",
        headers,
        body: JSON.stringify({ title: "Not theirs", startsOn: "2026-10-15", place: "Bucharest" }),
      });
      const activity = await fetch("/api/capacity-building", {
        method: "POST",
        headers,
        body: JSON.stringify({ title: "Not theirs", kind: "workshop", startsOn: "2026-10-15" }),
      });
      return [list.status, activities.status, create.status, activity.status];
    });
    expect(statuses).toEqual([403, 403, 403, 403]);
    expect(errors).toEqual([]);
  });
});
