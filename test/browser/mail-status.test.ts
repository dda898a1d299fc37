import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoSession } from "../harness/demo-session";
import { TestSmtpServer } from "../harness/smtp";

// A wrong or unreachable SMTP server shows where the Secretariat looks: the Administration page.
// The real server runs with VIGIL_SMTP_URL pointing at the SMTP test server, stopped at first
// (an outage), then started: "Check again" turns the state to reachable. Chromium.

const PASSWORD = "Pw-99/secret";
const smtp = new TestSmtpServer();
let demo: DemoSession;

beforeAll(async () => {
  await smtp.start();
  await smtp.stop(); // its port, with nothing listening
  demo = await DemoSession.start("mail", {
    VIGIL_SMTP_URL: `smtp://vigil-mailer:${encodeURIComponent(PASSWORD)}@127.0.0.1:${smtp.port}`,
  });
});
afterAll(async () => {
  await demo?.stop();
  await smtp.stop();
});

describe("e-mail status", () => {
  it("shows the SMTP server unreachable, then reachable after Check again, never its password", async () => {
    const { page, errors } = await demo.signIn("secretariat@example.org", { width: 1280, height: 900 });
    await page.getByRole("link", { name: "Administration" }).click();
    const state = page.getByTestId("mail-status-state");
    // The check made at start-up, shown as it was logged.
    await expect
      .poll(
        async () => {
          if ((await state.getAttribute("data-ok")) === null) await page.reload();
          return state.getAttribute("data-ok");
        },
        { timeout: 15_000 },
      )
      .toBe("false");
    const text = (await state.textContent()) ?? "";
    expect(text).toContain(`SMTP server 127.0.0.1:${smtp.port} not reachable`);
    expect(text).toContain("ECONNREFUSED");
    expect(text).toContain("e-mails are queued and retried");
    expect(await page.getByTestId("mail-status").textContent()).not.toContain("vigil-mailer");
    expect(await page.content()).not.toContain(PASSWORD);

    await smtp.start(); // same port
    await page.getByRole("button", { name: "Check again" }).click();
    await expect.poll(() => state.getAttribute("data-ok"), { timeout: 15_000 }).toBe("true");
    expect(await state.textContent()).toContain(`SMTP server 127.0.0.1:${smtp.port} reachable.`);
    expect(errors).toEqual([]);
  });

  it("is not shown to a Party's administrator", async () => {
    const { page } = await demo.signIn("admin.ro@example.org", { width: 1280, height: 900 });
    await page.getByRole("link", { name: "Administration" }).click();
    await page.getByTestId("webhooks-panel").waitFor();
    expect(await page.getByTestId("mail-status").count()).toBe(0);
  });
});
