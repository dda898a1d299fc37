import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendLegalQuestionFromPage } from "../harness/browser-requests";
import { DemoSession } from "../harness/demo-session";

// Issue 9, point 5: Chile's officer trains with Romania on a question marked as an exercise. Both
// sides see it labelled as one: Chile in her sent requests and on its page, Romania's lead (who
// reads Vigil in French) in her inbox and on its page. Real server, demo network, Chromium.

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("exercise");
});
afterAll(async () => {
  await demo?.stop();
});

const DESKTOP = { width: 1280, height: 900 };

describe("a training exercise", () => {
  it("is labelled as one on both sides, in each reader's language", async () => {
    const chile = await demo.signIn("officer.cl@example.org", DESKTOP);
    const page = chile.page;
    const request = await sendLegalQuestionFromPage(page, "CL-EXERCISE-2026-1", { exercise: true });

    await page.goto(`${demo.url}/requests?box=outbox`);
    const row = page.locator(`[data-testid="request-row"][data-number="${request.number}"]`);
    await row.waitFor();
    expect(await row.getByTestId("exercise-badge").textContent()).toBe("Exercise");
    await page.goto(`${demo.url}/requests/${request.id}`);
    await expect.poll(() => page.getByTestId("exercise-badge").count()).toBe(1);
    expect(chile.errors).toEqual([]);

    const romania = await demo.signIn("admin.ro@example.org", DESKTOP);
    const ro = romania.page;
    await ro.goto(`${demo.url}/requests`);
    const inbox = ro.locator(`[data-testid="request-row"][data-number="${request.number}"]`);
    await inbox.waitFor();
    expect(await inbox.getByTestId("exercise-badge").textContent()).toBe("Exercice");
    expect(romania.errors).toEqual([]);
  });
});
