import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendLegalQuestionFromPage } from "../harness/browser-requests";
import { DemoSession } from "../harness/demo-session";

// Need to know inside a Party (SAP Art. 14(4) and 14(8)): Chile sends Romania two requests, one
// marked sensitive. Romania's duty officer takes the first; his colleague, covering for him, opens
// it and is asked why before seeing anything but its number; she says why, reads it, and sees until
// when she may. Romania's contact point lead, who reads Vigil in French, finds that purpose in her
// Party's access log. Real server, demo network, Chromium.

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("need-to-know");
});
afterAll(async () => {
  await demo?.stop();
});

const DESKTOP = { width: 1280, height: 900 };
const WHY = "Covering the night shift while the handler is at the provider";

describe("need to know inside a Party", () => {
  it("asks a colleague of the handler why she opens a request, logs it, and shows it to the Party's lead (in French)", async () => {
    const chile = await demo.signIn("officer.cl@example.org", DESKTOP);
    const request = await sendLegalQuestionFromPage(chile.page, "CL-NTK-2026-7", { sensitive: false });
    const sensitive = await sendLegalQuestionFromPage(chile.page, "CL-NTK-2026-8", { sensitive: true });

    // Romania's duty officer: both are in his inbox, the second labelled sensitive; he takes the first.
    const officer = await demo.signIn("officer.ro@example.org", DESKTOP);
    const ro = officer.page;
    await ro.goto(`${demo.url}/requests`);
    const sensitiveRow = ro.locator(`[data-testid="request-row"][data-number="${sensitive.number}"]`);
    await sensitiveRow.waitFor();
    expect(await sensitiveRow.getByTestId("sensitive-badge").innerText()).toBe("Sensitive");
    const row = ro.locator(`[data-testid="request-row"][data-number="${request.number}"]`);
    expect(await row.getByTestId("sensitive-badge").count()).toBe(0);
    await row.getByRole("link", { name: request.number }).click();
    const handlers = ro.getByTestId("handlers");
    await handlers.waitFor();
    // Nobody handles it yet on Romania's side: every officer there may act, no form in the way.
    expect(await handlers.innerText()).toContain("Nobody yet: every officer of Romania may act on it.");
    await handlers.getByTestId("take-request").click();
    await expect
      .poll(() => handlers.getByTestId("handler").allInnerTexts())
      .toEqual([expect.stringContaining("Duty Officer (Romania)"), expect.stringContaining("Duty Prosecutor (Chile)")]);
    const taken = ro.locator('[data-testid="timeline-entry"][data-kind="assigned"]');
    expect(await taken.innerText()).toContain("Duty Officer (Romania) handles this request.");

    // His colleague opens it: only its number and the question why.
    const colleague = await demo.signIn("officer2.ro@example.org", DESKTOP);
    const ro2 = colleague.page;
    await ro2.goto(`${demo.url}/requests`);
    await ro2.locator(`[data-testid="request-row"][data-number="${request.number}"]`).getByRole("link").click();
    const form = ro2.getByTestId("purpose-form");
    await form.waitFor();
    expect(await form.getByRole("heading", { level: 1 }).innerText()).toContain(request.number);
    expect(await ro2.getByTestId("handling-conditions").count()).toBe(0);
    expect(await ro2.locator("body").innerText()).not.toContain("Investigation CL-NTK-2026-7");
    // "Other" needs her own words: refused until she gives them.
    await form.getByLabel("Other").check();
    await form.getByTestId("purpose-submit").click();
    await form.getByText("Say why you open it, in your own words.").waitFor();
    await form.getByLabel("Covering for the handler").check();
    await form.getByTestId("purpose-note").fill(WHY);
    await form.getByTestId("purpose-submit").click();

    // She reads it, and the page says under which purpose and until when.
    const conditions = ro2.getByTestId("handling-conditions");
    await conditions.waitFor();
    expect(await conditions.innerText()).toContain("Investigation CL-NTK-2026-7");
    const openedFor = ro2.getByTestId("opened-for");
    expect(await openedFor.innerText()).toContain(`You opened this request for: Covering for the handler — ${WHY}.`);
    expect(await openedFor.innerText()).toMatch(/until .*\d\d:\d\d/);
    // Reloading keeps her access (held by the server, not the browser).
    await ro2.reload();
    await ro2.getByTestId("opened-for").waitFor();
    // The sensitive request is not hers to see, once her colleague took it.
    await ro.goto(`${demo.url}/requests/${sensitive.id}`);
    await ro.getByTestId("handlers").getByTestId("take-request").click();
    await ro.getByTestId("handlers").getByTestId("handler").first().waitFor();
    await ro2.goto(`${demo.url}/requests`);
    await ro2.locator(`[data-testid="request-row"][data-number="${request.number}"]`).waitFor();
    expect(await ro2.locator(`[data-testid="request-row"][data-number="${sensitive.number}"]`).count()).toBe(0);

    // Romania's lead, in French, finds who opened it and why in her Party's access log.
    const lead = await demo.signIn("admin.ro@example.org", DESKTOP);
    await lead.page.goto(`${demo.url}/data-protection/access-log`);
    const log = lead.page.getByTestId("access-log");
    await log.waitFor();
    const given = log
      .locator('[data-testid="access-entry"][data-kind="purpose_given"]')
      .filter({ hasText: "officer2.ro@example.org" });
    expect(await given.innerText()).toContain(request.number);
    expect(await given.getByTestId("access-why").innerText()).toBe(`Remplacement de la personne chargée — ${WHY}`);
    expect(await given.innerText()).toContain("Motif donné pour l’ouvrir");
    const read = log
      .locator('[data-testid="access-entry"][data-kind="read"]')
      .filter({ hasText: "officer2.ro@example.org" })
      .first();
    expect(await read.getByTestId("access-why").innerText()).toBe(`Remplacement de la personne chargée — ${WHY}`);

    expect(chile.errors).toEqual([]);
    expect(officer.errors).toEqual([]);
    expect(colleague.errors).toEqual([]);
    expect(lead.errors).toEqual([]);
  });
});
