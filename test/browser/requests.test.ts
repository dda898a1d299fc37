import fs from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoSession } from "../harness/demo-session";
import { pdfPages } from "../harness/document-text";

// Journey 1, "A preservation request at night": Chile's duty prosecutor, on her phone, sends
// Romania a preservation request for an IP address (refused until the time has its zone);
// Romania's officer sees it arrive without reloading, reads the handling conditions,
// acknowledges and confirms the preservation; Chile sees the acknowledgement on the timeline,
// gives feedback and downloads the request as a PDF. Real server, demo network, Chromium.

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("requests");
});
afterAll(async () => {
  await demo?.stop();
});

/** Chile's session of the first test, carried on by the second. */
let chileSession: { page: Page; errors: string[] } | undefined;

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const IP_ZONE_ERROR = "Give the time zone of the date and time (an IP address without it identifies no one)";
const CONFIRMATION = "Example Telecom SA (fictional): logs for 192.0.2.44 preserved on 2026-11-21.\n";
const PURPOSE = "Criminal investigation RUC 2600-1187 into the ransomware attack on a hospital in Santiago";

/** Picks an option of a Mantine searchable select by typing part of it. */
async function choose(page: Page, label: string, typed: string, option: RegExp): Promise<void> {
  const input = page.getByRole("combobox", { name: label, exact: true });
  await input.click();
  await input.fill(typed);
  await page.getByRole("option", { name: option }).first().click();
}

/** Nothing may overflow sideways on a 390 px phone. */
async function fitsThePhone(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

describe("journey 1: a preservation request at night", () => {
  it("is sent, refused without an IP time zone, received live, acknowledged, executed, rated and printed", async () => {
    const chile = await demo.signIn("officer.cl@example.org", PHONE, { acceptDownloads: true });
    chileSession = chile;
    const romania = await demo.signIn("officer.ro@example.org", DESKTOP);
    const cl = chile.page;
    const ro = romania.page;

    // Romania's officer has the inbox open, empty.
    await ro.goto(`${demo.url}/requests`);
    await ro.getByTestId("no-requests").waitFor();

    // Chile, step 1: kind, Party (typed without its accent-free name), language; where it goes.
    await cl.goto(`${demo.url}/requests`);
    await cl.getByRole("link", { name: "New request", exact: true }).click();
    await cl.getByLabel("Kind of request").selectOption("preservation");
    await choose(cl, "Requested Party", "roman", /^Romania$/);
    const preview = cl.getByTestId("route-preview");
    const contactPoint = preview.getByTestId("route-contact-point");
    await expect.poll(() => contactPoint.innerText()).toContain("National Police");
    expect(await contactPoint.getByTestId("local-time").innerText()).toMatch(/Local time there: .*\d\d:\d\d/);
    expect(await contactPoint.getByTestId("route-instructions").innerText()).toContain(
      "T-CY data preservation template",
    );
    // A language the contact point does not work in is flagged in yellow.
    await choose(cl, "Language of the request", "spanish", /^Spanish/);
    await preview.locator('[data-testid="route-warning"][data-code="language_not_accepted"]').waitFor();
    await choose(cl, "Language of the request", "english", /^English/);
    await expect.poll(() => preview.getByTestId("route-warning").count()).toBe(0);
    await fitsThePhone(cl);
    await cl.getByRole("button", { name: "Continue" }).click();

    // Step 2: the template's blocks.
    await cl.getByLabel("Your reference or case number").fill("RUC 2600-1187");
    const authority = cl.getByTestId("block-requesting-authority");
    await authority.getByLabel("Organisation").fill("Fiscalía Nacional, Unidad de Cibercrimen");
    await authority.getByLabel("Person in charge").fill("Duty Prosecutor (Chile)");
    await authority.getByLabel("Telephone").fill("+99 2 2555 0100");
    await authority.getByLabel("E-mail").fill("duty.cl@example.org");
    await authority.getByLabel("Office hours").fill("24/7 duty desk");
    // The time zone is the prosecutor's own, already filled in.
    expect(await authority.getByRole("combobox", { name: "Time zone", exact: true }).inputValue()).toMatch(
      /^America\/Santiago/,
    );
    await cl.getByRole("button", { name: "Same as the person in charge" }).click();
    const details = cl.getByTestId("block-details");
    await details.getByLabel(/^Offence/).fill("Ransomware attack (Art. 4 and 5 of the Convention)");
    await details.getByLabel("Brief summary of the facts").fill("A hospital's systems were encrypted on 21 November.");
    await details
      .getByLabel("Stored data to be preserved")
      .fill("Subscriber and connection logs for the address below");
    await details.getByLabel("How the data relate to the offence").fill("The address connected to the hospital's VPN");
    await details.getByLabel(/^Provider \(custodian\)/).fill("Example Telecom SA (fictional)");
    await details.getByLabel("Why preservation is necessary").fill("Logs are deleted after 30 days");
    await details.getByLabel(/^A mutual assistance request/).check();
    const ip = cl.getByTestId("identifier-row").first();
    await ip.getByLabel("IP address").fill("192.0.2.44");
    await ip.getByLabel("Date and time used").fill("2026-11-21T02:14");
    await ip.getByLabel("Source port").fill("51234");
    const handling = cl.getByTestId("block-handling-conditions");
    await handling.getByLabel("Purpose").fill(PURPOSE);
    expect(await handling.getByLabel("Do not notify the subscriber or account holder").isChecked()).toBe(true);

    // Without the time zone of the IP address's time, the form refuses, next to the field.
    await cl.getByRole("button", { name: "Send", exact: true }).click();
    await ip.getByText(IP_ZONE_ERROR).waitFor();
    await expect.poll(() => cl.evaluate(() => document.activeElement?.getAttribute("aria-invalid"))).toBe("true");
    expect(cl.url()).toMatch(/\/requests\/new$/);

    await choose(cl, "Time zone of that time", "Bucharest", /^Europe\/Bucharest/);
    await cl.getByRole("button", { name: "Send", exact: true }).click();
    await cl.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    const number = (await cl.getByTestId("request-number").innerText()).trim();
    expect(number).not.toBe("");
    await fitsThePhone(cl);

    // Romania: it appears in the open inbox without reloading (event stream).
    const row = ro.locator(`[data-testid="request-row"][data-number="${number}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getByTestId("state-badge").innerText()).toBe("Sent");
    await row.getByRole("link", { name: number }).click();
    await ro.waitForURL(/\/requests\/[0-9a-f-]{36}$/);

    // The handling conditions come first.
    const conditions = ro.getByTestId("handling-conditions");
    await conditions.waitFor();
    expect(await conditions.innerText()).toContain(PURPOSE);
    expect(await conditions.innerText()).toContain("Do not notify the subscriber or account holder");
    const headerBox = await ro.getByTestId("request-header").boundingBox();
    const conditionsBox = await conditions.boundingBox();
    expect(conditionsBox?.y ?? 1e9).toBeLessThan(headerBox?.y ?? 0);
    expect(await ro.getByTestId("content-identifiers").innerText()).toContain("192.0.2.44");

    // Acknowledge, then answer "executed" with the day the data were preserved.
    await ro.getByRole("button", { name: "Acknowledge", exact: true }).click();
    await ro.getByRole("dialog").getByTestId("confirm-transition").click();
    await ro.getByRole("dialog").waitFor({ state: "detached" });
    await expect
      .poll(() => ro.getByTestId("request-header").getByTestId("state-badge").innerText())
      .toBe("Acknowledged");

    // The provider's confirmation goes with the answer, as an attachment.
    const attachments = ro.getByTestId("attachments");
    await attachments.locator('input[type="file"]').setInputFiles({
      name: "preservation-confirmation.txt",
      mimeType: "text/plain",
      buffer: Buffer.from(CONFIRMATION),
    });
    await attachments.getByRole("button", { name: "Attach", exact: true }).click();
    await attachments.getByTestId("attachment").filter({ hasText: "preservation-confirmation.txt" }).waitFor();

    await ro.getByRole("button", { name: "Answer: executed" }).click();
    const answer = ro.getByRole("dialog");
    // The note is required: confirming without it is refused in the dialog.
    await answer.getByTestId("confirm-transition").click();
    await answer.getByText("Say what was done.", { exact: true }).waitFor();
    await answer.getByLabel("What was done").fill("Connection logs preserved at Example Telecom SA for 90 days.");
    const preservedOn = answer.getByLabel("Preserved on");
    expect(await preservedOn.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await preservedOn.fill("2026-11-21");
    await answer.getByTestId("confirm-transition").click();
    await answer.waitFor({ state: "detached" });
    await expect.poll(() => ro.getByTestId("request-header").getByTestId("state-badge").innerText()).toBe("Executed");
    expect(await ro.getByTestId("request-header").innerText()).toMatch(/November 21, 2026|21 November 2026/);

    // Chile, still on the request's page: the timeline shows the acknowledgement and its delay.
    const timeline = cl.getByTestId("timeline");
    const acknowledged = timeline.locator('[data-testid="timeline-entry"][data-state="acknowledged"]');
    await acknowledged.waitFor({ timeout: 35_000 });
    expect(await acknowledged.innerText()).toMatch(/Acknowledged · after \d+ min/);
    expect(await acknowledged.getByTestId("receipt-link").count()).toBe(1);
    await timeline.locator('[data-testid="timeline-entry"][data-state="executed"]').waitFor({ timeout: 35_000 });

    // The provider's confirmation attached by Romania downloads as it was sent.
    const attached = cl.getByTestId("attachment").filter({ hasText: "preservation-confirmation.txt" });
    await attached.waitFor();
    const [attachedFile] = await Promise.all([cl.waitForEvent("download"), attached.getByRole("link").click()]);
    expect(fs.readFileSync(await attachedFile.path(), "utf8")).toBe(CONFIRMATION);

    // The acknowledgement's signed receipt downloads, and the platform says it is genuine.
    const [receiptFile] = await Promise.all([
      cl.waitForEvent("download"),
      acknowledged.getByTestId("receipt-link").click(),
    ]);
    expect(receiptFile.suggestedFilename()).toMatch(/^receipt-.*\.jws$/);
    const receipt = fs.readFileSync(await receiptFile.path(), "utf8").trim();
    expect(receipt.split(".")).toHaveLength(3);
    await timeline.getByRole("button", { name: "Verify a receipt" }).click();
    const check = cl.getByRole("dialog");
    await check.getByLabel("Receipt").fill(receipt);
    await check.getByRole("button", { name: "Verify", exact: true }).click();
    await check.getByText("Valid: signed by this Vigil platform").waitFor();
    await check.getByLabel("Receipt").fill(`${receipt.slice(0, -4)}AAAA`);
    await check.getByRole("button", { name: "Verify", exact: true }).click();
    await check.getByText(/^Not valid/).waitFor();
    await cl.keyboard.press("Escape");
    await check.waitFor({ state: "detached" });

    // Feedback on the outcome.
    const feedback = cl.getByTestId("feedback");
    await feedback.getByLabel("Useful", { exact: true }).check();
    await feedback.getByLabel("Comment").fill("Preserved within the hour, thank you.");
    await feedback.getByRole("button", { name: "Give feedback" }).click();
    await feedback.getByTestId("feedback-given").waitFor();

    // The request as a PDF carries its number.
    const [download] = await Promise.all([
      cl.waitForEvent("download"),
      cl.getByRole("link", { name: "PDF (English)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const pdf = fs.readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfPages(pdf)
      .map((p) => p.text)
      .join(" ");
    expect(text.replace(/\s+/g, "")).toContain(number.replace(/\s+/g, ""));

    // Chile's own calendar feed now holds the preservation's end (and the warning before it).
    await cl.goto(`${demo.url}/settings`);
    const calendar = cl.getByTestId("calendar-feed");
    await calendar.getByRole("button", { name: "Make my calendar address" }).click();
    const feedUrl = await calendar.getByTestId("calendar-url").inputValue();
    expect(feedUrl).toMatch(/\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const feed = await (await cl.request.get(feedUrl)).text();
    expect(feed).toContain(`Preservation ${number} ends`);
    expect(feed).toContain("20270219");
    await fitsThePhone(cl);
    // Shown once: afterwards the page only says that the feed is on.
    await cl.reload();
    await calendar.getByTestId("calendar-active").waitFor();
    expect(await calendar.getByTestId("calendar-url").count()).toBe(0);

    // Back in the sent box, in the sender's view.
    await cl.goto(`${demo.url}/requests?box=outbox`);
    const sent = cl.locator(`[data-testid="request-row"][data-number="${number}"]`);
    await sent.waitFor();
    expect(await sent.getByTestId("state-badge").innerText()).toBe("Executed");
    await fitsThePhone(cl);

    // Romania's contact point lead reads it in French: the same conditions, in French words.
    const lead = await demo.signIn("admin.ro@example.org", DESKTOP);
    await lead.page.goto(`${demo.url}/requests`);
    await lead.page.locator(`[data-testid="request-row"][data-number="${number}"]`).getByRole("link").click();
    // Romania's officer handles it: she says why she opens it first (need to know, Art. 14(8)).
    const purpose = lead.page.getByTestId("purpose-form");
    await purpose.getByLabel("Supervision").check();
    await purpose.getByRole("button", { name: "Ouvrir la demande" }).click();
    const frConditions = lead.page.getByTestId("handling-conditions");
    await frConditions.waitFor();
    expect(await frConditions.innerText()).toContain("Conditions de traitement");
    expect(await frConditions.innerText()).toContain("Ne pas informer l’abonné ou le titulaire du compte");
    const frHeader = await lead.page.getByTestId("request-header").innerText();
    expect(frHeader).toContain("Demande de conservation rapide (art. 29)");
    expect(frHeader).toContain("Exécutée");
    expect(await lead.page.getByTestId("timeline").innerText()).toMatch(/Réception accusée · après \d+ min/);

    // Her access log (Art. 14(8)) shows who opened and printed it, Chile's officer included.
    await lead.page.goto(`${demo.url}/data-protection/access-log`);
    const log = lead.page.getByTestId("access-log");
    await log.waitFor();
    const chileRead = log
      .locator('[data-testid="access-entry"][data-kind="read"]')
      .filter({ hasText: "officer.cl@example.org" })
      .first();
    expect(await chileRead.innerText()).toContain(number);
    expect(await chileRead.innerText()).toContain("CL");
    expect(await log.locator('[data-testid="access-entry"][data-kind="exported"]').count()).toBeGreaterThan(0);
    expect(Number(await lead.page.getByTestId("summary-byOtherParty").innerText())).toBeGreaterThan(0);
    await lead.page.getByText("Autres Parties", { exact: true }).click();
    await expect
      .poll(() => log.locator('[data-testid="access-entry"]').filter({ hasText: "officer.ro@example.org" }).count())
      .toBe(0);

    expect(chile.errors).toEqual([]);
    expect(romania.errors).toEqual([]);
    expect(lead.errors).toEqual([]);
  });

  it("starts an extension from the sent preservation; keeps an emergency request as a draft, reopens it and deletes it", async () => {
    // The same prosecutor, now at her desk: one sign-in less on a busy machine.
    const chile = chileSession ?? (await demo.signIn("officer.cl@example.org", DESKTOP));
    const cl = chile.page;
    await cl.setViewportSize(DESKTOP);

    // From the preservation sent above, an extension starts with its parent and the sender's blocks filled in.
    await cl.goto(`${demo.url}/requests?box=outbox`);
    const sent = cl.getByTestId("request-row").first();
    const number = await sent.getAttribute("data-number");
    await sent.getByRole("link").click();
    await cl.getByRole("button", { name: "New request following this one" }).click();
    await cl.getByRole("menuitem", { name: "Extend this preservation" }).click();
    await cl.waitForURL(/\/requests\/new\?/);
    const picker = cl.getByTestId("parent-picker");
    await picker.waitFor();
    expect(await picker.getByRole("combobox", { name: "Request status" }).inputValue()).toBe(
      "Extension of an earlier preservation",
    );
    await expect.poll(() => picker.getByRole("combobox", { name: "Earlier request" }).inputValue()).toContain(number);
    expect(await cl.getByTestId("block-requesting-authority").getByLabel("Organisation").inputValue()).toBe(
      "Fiscalía Nacional, Unidad de Cibercrimen",
    );

    await cl.goto(`${demo.url}/requests/new`);
    await cl.getByLabel("Kind of request").selectOption("emergency_disclosure");
    await choose(cl, "Requested Party", "rouman", /^Romania$/);
    // Romania's contact points do not handle Second Additional Protocol requests: said in yellow.
    await cl.locator('[data-testid="route-warning"][data-code="sap_not_handled"]').waitFor();
    await cl.getByRole("button", { name: "Continue" }).click();
    await cl.getByTestId("emergency-banner").waitFor();
    await cl.getByLabel("Answer needed by").fill("2026-11-21T06:00");
    await cl.getByLabel("Your reference or case number").fill("RUC 2600-2001");
    await cl
      .getByTestId("block-details")
      .getByLabel(/^Facts showing the emergency/)
      .fill("A threat to a named person.");
    // This one is practice: marked as a training exercise.
    await cl.getByLabel("Training exercise (not a real request)").check();
    await cl.getByRole("button", { name: "Save draft" }).click();
    await cl.waitForURL(/\/requests\/[0-9a-f-]{36}\/edit$/);

    await cl.goto(`${demo.url}/requests?box=drafts`);
    const draft = cl.getByTestId("request-row").first();
    await draft.waitFor();
    expect(await draft.getByTestId("emergency-badge").count()).toBe(1);
    expect(await draft.getByTestId("exercise-badge").count()).toBe(1);
    await draft.getByRole("link").click();
    await cl.waitForURL(/\/edit$/);
    // Reopened where it was left: the route is known, so the form opens on its second step.
    await cl.getByTestId("emergency-banner").waitFor();
    expect(await cl.getByLabel("Your reference or case number").inputValue()).toBe("RUC 2600-2001");
    expect(await cl.getByLabel("Answer needed by").inputValue()).toBe("2026-11-21T06:00");
    expect(
      await cl
        .getByTestId("block-details")
        .getByLabel(/^Facts showing the emergency/)
        .inputValue(),
    ).toBe("A threat to a named person.");
    expect(await cl.getByLabel("Training exercise (not a real request)").isChecked()).toBe(true);

    await cl.getByRole("button", { name: "Delete draft" }).click();
    await cl.getByRole("dialog").getByRole("button", { name: "Delete draft" }).click();
    await cl.waitForURL(/\/requests\?box=drafts$/);
    await cl.getByTestId("no-requests").waitFor();
    expect(chile.errors).toEqual([]);
  });
});
