import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoSession } from "../harness/demo-session";

// The retention periods on the Administration page: the Secretariat changes one, a Party's
// administrator sees it, read only (Romania's demo administrator reads Vigil in French). Chromium
// against the real server.

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("retention");
});
afterAll(async () => {
  await demo?.stop();
});

describe("retention periods", () => {
  it("are changed by the Secretariat and shown read-only to a Party's administrator", async () => {
    const { page, errors } = await demo.signIn("secretariat@example.org", { width: 1280, height: 900 });
    await page.getByRole("link", { name: "Administration" }).click();
    const panel = page.getByTestId("retention");
    await panel.getByTestId("retention-row").first().waitFor();
    expect(await panel.getByTestId("retention-row").count()).toBe(10);
    expect(await page.getByTestId("retention-last-run").textContent()).toContain("The purge has not run yet");
    const field = panel.getByTestId("retention-technical_advice-final");
    expect(await field.inputValue()).toBe("365");
    await field.fill("10");
    expect(await panel.textContent()).toContain("Between 30 and 3650 days");
    expect(await panel.getByTestId("retention-technical_advice-save").isDisabled()).toBe(true);
    await field.fill("400");
    await panel.getByTestId("retention-technical_advice-save").click();
    await expect.poll(() => panel.textContent()).toMatch(/Changed on .* by /);
    expect(errors).toEqual([]);

    const admin = await demo.signIn("admin.ro@example.org", { width: 1280, height: 900 });
    await admin.page.getByRole("link", { name: "Administration" }).click();
    const seen = admin.page.getByTestId("retention-technical_advice-final");
    await seen.waitFor();
    expect(await seen.textContent()).toBe("400 jours (par défaut 365 jours)");
    expect(await admin.page.getByTestId("retention-technical_advice-save").count()).toBe(0);
    expect(await admin.page.getByTestId("retention").textContent()).toContain("Seul le Secrétariat modifie ces durées");
    expect(admin.errors).toEqual([]);
  });
});
