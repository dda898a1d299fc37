import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendLegalQuestionFromPage } from "../harness/browser-requests";
import { DemoSession } from "../harness/demo-session";

// SAP Art. 14(3): Chile's officer finds that the question she sent Romania was imprecise and the
// phone number wrong; she corrects the form from the request's page, giving her reason. Her page
// then shows the corrected form and, under it, each field's earlier value. Romania's contact
// point lead, who reads Vigil in French, sees the same history and the timeline step. Real
// server, demo network, Chromium.

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("corrections");
});
afterAll(async () => {
  await demo?.stop();
});

const DESKTOP = { width: 1280, height: 900 };

describe("correcting a sent request", () => {
  it("lets the sender correct the form with a reason, and shows both Parties what it replaced", async () => {
    const chile = await demo.signIn("officer.cl@example.org", DESKTOP);
    const page = chile.page;
    const request = await sendLegalQuestionFromPage(page, "CL-CORR-2026-4", {
      question: "How long do providers keep logs?",
    });

    await page.goto(`${demo.url}/requests/${request.id}`);
    const panel = page.getByTestId("corrections");
    await expect.poll(() => panel.textContent()).toContain("The form is as it was sent");
    await panel.getByRole("link", { name: "Correct the form" }).click();
    await page.getByRole("heading", { name: `Correct request ${request.number}` }).waitFor();

    const question = page.getByLabel("Assistance sought");
    await question.fill("How long do providers keep IP connection logs, and under which law?");
    // Without a reason nothing is sent, and the field says why.
    await page.getByRole("button", { name: "Send the correction" }).click();
    await expect
      .poll(() => page.getByText("Say what was wrong and what the correction changes.").count())
      .toBeGreaterThan(0);
    await page.getByLabel("Reason for the correction").fill("The question did not say which logs nor ask for the law.");
    await page.getByRole("button", { name: "Send the correction" }).click();

    await page.waitForURL(`${demo.url}/requests/${request.id}`);
    await expect.poll(() => page.getByTestId("content-details").textContent()).toContain("under which law?");
    const correction = page.getByTestId("correction");
    await expect.poll(() => correction.count()).toBe(1);
    expect(await correction.textContent()).toContain("The question did not say which logs nor ask for the law.");
    expect(await correction.getByTestId("before").textContent()).toBe("How long do providers keep logs?");
    expect(await correction.getByTestId("after").textContent()).toBe(
      "How long do providers keep IP connection logs, and under which law?",
    );
    expect(await correction.textContent()).toContain("Details of the request · Assistance sought");
    expect(chile.errors).toEqual([]);

    // Romania's lead reads the same history, in French, and the step on the timeline.
    const romania = await demo.signIn("admin.ro@example.org", DESKTOP);
    const ro = romania.page;
    await ro.goto(`${demo.url}/requests/${request.id}`);
    // Nobody at Romania handles it yet: its officers and admins all do, so no purpose is asked.
    const roPanel = ro.getByTestId("corrections");
    await expect.poll(() => roPanel.textContent()).toContain("Corrections du formulaire");
    expect(await roPanel.getByTestId("before").textContent()).toBe("How long do providers keep logs?");
    expect(await ro.getByTestId("timeline").textContent()).toContain("Formulaire corrigé par l’expéditeur");
    expect(await ro.getByTestId("timeline").textContent()).toContain("1 champ corrigé");
    // The requested side may not correct it.
    expect(await roPanel.getByRole("link").count()).toBe(0);
    expect(romania.errors).toEqual([]);
  });
});
