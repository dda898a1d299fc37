import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoSession } from "../harness/demo-session";

// Romania's Party admin (who reads Vigil in French) adds an officer on the Administration page; the
// officer opens the link of the invitation e-mail (in English), chooses a password and is sent to set up
// the authenticator at the first sign-in; the admin then sees the account active. Real server,
// fresh embedded database with the demo network, e-mail in the development mailbox.

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("accounts");
});
afterAll(async () => {
  await demo?.stop();
});

describe("accounts on the Administration page", () => {
  it("invites an officer, who chooses a password through the link and signs in to enrol", async () => {
    const { page: admin, errors } = await demo.signIn("admin.ro@example.org", { width: 1280, height: 900 });
    await admin.goto(`${demo.url}/admin`);
    const panel = admin.locator("section[aria-labelledby='accounts-title']");
    await panel.getByTestId("accounts-table").waitFor();
    // Romania's own accounts only.
    expect(await panel.locator('[data-testid="account-row"][data-email="admin.cl@example.org"]').count()).toBe(0);
    expect(await panel.locator('[data-testid="account-row"][data-email="officer.ro@example.org"]').count()).toBe(1);

    // A name is needed: the form says so and sends nothing.
    await panel.getByRole("textbox", { name: /^Adresse e-mail/ }).fill("ioana.example@example.org");
    await panel.getByTestId("account-submit").click();
    await expect.poll(() => panel.getByText("Indiquez le nom de la personne").count()).toBe(1);
    await panel.getByRole("textbox", { name: /^Nom/ }).fill("Ioana Example");
    await panel.getByTestId("account-submit").click();
    await expect.poll(() => panel.getByTestId("account-sent").innerText()).toContain("ioana.example@example.org");
    const row = panel.locator('[data-testid="account-row"][data-email="ioana.example@example.org"]');
    expect(await row.getByTestId("account-status").innerText()).toBe("INVITÉ");

    // The invitation e-mail, as the development mailbox shows it to the Secretariat.
    const { page: sec } = await demo.signIn("secretariat@example.org", { width: 1280, height: 900 });
    let link = "";
    await expect
      .poll(
        async () => {
          const res = await sec.request.get(`${demo.url}/api/dev/mailbox`);
          const { messages } = (await res.json()) as { messages: { to: string; text: string }[] };
          const mail = messages.find((m) => m.to === "ioana.example@example.org");
          link = mail?.text.match(/https?:\/\/\S+\/invitation\/[A-Za-z0-9_-]{43}/)?.[0] ?? "";
          return link;
        },
        { timeout: 15_000 },
      )
      .not.toBe("");

    // The officer opens it on a phone, in English.
    const context = await demo.browser.newContext({ viewport: { width: 390, height: 800 }, locale: "en-GB" });
    try {
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (e) => pageErrors.push(e.message));
      await page.goto(link.replace(/^https?:\/\/[^/]+/, demo.url));
      await page.getByRole("heading", { name: "Choose your password" }).waitFor();
      await expect.poll(() => page.getByText(/Welcome, Ioana Example/).count()).toBe(1);
      const first = page.getByLabel(/^Password\s*\*?$/);
      await first.fill("short");
      await page.getByLabel("Password again").fill("short");
      await page.getByTestId("invitation-submit").click();
      await expect.poll(() => page.getByText("At least 12 characters", { exact: true }).count()).toBe(1);
      const password = "a sentence long enough 2026";
      await first.fill(password);
      await page.getByLabel("Password again").fill(password);
      await page.getByTestId("invitation-submit").click();
      await page.getByTestId("invitation-saved").waitFor();

      // The link works once.
      await page.reload();
      await page.getByTestId("invitation-refused").waitFor();
      expect(await page.getByTestId("invitation-refused").getAttribute("data-reason")).toBe("used");

      await page.goto(`${demo.url}/sign-in`);
      await page.getByLabel("E-mail").fill("ioana.example@example.org");
      await page.getByLabel("Password").fill(password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("heading", { name: "Set up two-step verification" }).waitFor();
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }

    await admin.reload();
    await row.waitFor();
    expect(await row.getByTestId("account-status").innerText()).toBe("ACTIF");
    expect(errors).toEqual([]);
  });
});
