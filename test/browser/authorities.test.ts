import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoSession } from "../harness/demo-session";

// Journey 5, "The MLA and extradition directory": the Secretariat sees 55/76 Parties with input
// and asks those missing something to fill in the form; Chile's administrator, told in Vigil,
// fills in the collection form (a wrong e-mail address is refused beside its field first), and
// the Secretariat's progress moves to 56/76. Romania's officer sees where Romania's answer differs
// from its declaration, side by side, with the drafted e-mail to the Treaty Office.
// Real server, demo network, Chromium.

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("authorities");
});
afterAll(async () => {
  await demo?.stop();
});

const DESKTOP = { width: 1280, height: 900 };

describe("journey 5: the MLA and extradition directory", () => {
  it("asks the Parties, a Party fills in the form, and the Secretariat's progress moves", async () => {
    const secretariat = await demo.signIn("secretariat@example.org", DESKTOP);
    const { page } = secretariat;
    await page.getByRole("link", { name: "Authorities" }).first().click();
    await page.getByRole("link", { name: "Collection" }).click();
    await expect.poll(() => page.getByTestId("campaign-provided").innerText()).toBe("55/76 Parties provided input");
    // Chile gave no input: every field is missing.
    const chile = page.locator('[data-testid="campaign-missing"] tr[data-party="CL"]');
    expect(await chile.innerText()).toContain("No input: every field");
    await page.getByRole("button", { name: /^Ask \d+ Parties to fill in the form$/ }).click();
    await page.getByTestId("campaign-summary").waitFor();
    expect(await page.getByTestId("campaign-summary").innerText()).toMatch(/\d+ Parties, 0 answered since/);

    const chileAdmin = await demo.signIn("admin.cl@example.org", DESKTOP);
    const cl = chileAdmin.page;
    // The request reached Chile's members in Vigil.
    await cl.getByRole("button", { name: /Notifications/ }).click();
    await cl
      .getByText("The Secretariat asks Chile to give or complete its mutual assistance and extradition authorities.")
      .waitFor();
    await cl.keyboard.press("Escape");
    await cl.getByRole("link", { name: "Authorities" }).first().click();
    await cl.getByRole("link", { name: "Fill in my Party's authorities" }).click();
    const mla = cl.getByTestId("form-mla");
    await mla
      .getByRole("textbox", { name: "Name" })
      .fill("Ministry of Justice of Chile (fictional), International Co-operation");
    await mla.getByRole("textbox", { name: "Address" }).fill("1 Example Street, Santiago");
    await mla.getByRole("textbox", { name: "Telephone" }).fill("+99 2 555 0101");
    await mla.getByRole("textbox", { name: "E-mail" }).fill("not an address");
    await mla.getByRole("textbox", { name: "Languages" }).fill("es, en");
    await mla.getByRole("checkbox", { name: "Between central authorities" }).check();
    const ext = cl.getByTestId("form-extradition");
    await ext.getByRole("textbox", { name: "Name" }).fill("Ministry of Justice of Chile (fictional), Extradition Desk");
    await cl.getByRole("button", { name: "Send the answer" }).click();
    // Refused beside the field, nothing sent.
    await cl.getByTestId("authorities-form-errors").waitFor();
    expect(await mla.getByRole("textbox", { name: "E-mail" }).getAttribute("aria-invalid")).toBe("true");
    await mla.getByRole("textbox", { name: "E-mail" }).fill("mla.cl@example.org");
    await cl.getByRole("button", { name: "Send the answer" }).click();
    await cl.getByTestId("party-status").waitFor();
    expect(await cl.getByTestId("party-status").textContent()).toMatch(/^Input provided on \d{4}-\d{2}-\d{2}$/);
    // The fields Chile left empty are listed; where its declaration has data, they show with their source.
    expect(await cl.getByTestId("party-missing").innerText()).toContain("Extradition authority (Art. 24): Address");
    expect(await cl.getByTestId("role-mla").getByTestId("source-party").count()).toBeGreaterThan(0);
    expect(await cl.getByTestId("role-extradition").getByTestId("source-declaration").count()).toBeGreaterThan(0);

    await page.reload();
    await expect.poll(() => page.getByTestId("campaign-provided").innerText()).toBe("56/76 Parties provided input");
    expect(await page.getByTestId("campaign-summary").innerText()).toMatch(/\d+ Parties, 1 answered since/);
    // Chile's row now lists only what it left empty.
    expect(await chile.innerText()).not.toContain("No input");
    expect(secretariat.errors).toEqual([]);
    expect(chileAdmin.errors).toEqual([]);
  });

  it("shows a Party's data that differ from its declaration side by side, with the e-mail to the Treaty Office", async () => {
    const { page, errors } = await demo.signIn("officer.ro@example.org", DESKTOP);
    await page.getByRole("link", { name: "Authorities" }).first().click();
    // The directory page also links to Romania (its map and table): wait for the authorities page.
    await page.waitForURL(/\/authorities$/);
    await page.getByRole("link", { name: "Romania", exact: true }).click();
    const rows = page.getByTestId("discrepancy-row");
    await rows.first().waitFor();
    const name = rows.filter({ hasText: "Central authority for mutual assistance (Art. 27): Name" });
    expect(await name.getByTestId("discrepancy-party").innerText()).toMatch(/^Prosecutor General's Office of Romania/);
    expect(await name.getByTestId("discrepancy-declared").innerText()).toMatch(/^Ministry of Justice of Romania/);
    expect(await name.getByTestId("discrepancy-declared").innerText()).toContain("ETS185-27-RO");
    // The Party's data are those used.
    expect(await page.getByTestId("role-mla").locator('tr[data-field="name"]').innerText()).toContain(
      "Prosecutor General's Office of Romania",
    );
    // The drafted e-mail is filled in once its text has loaded.
    await expect.poll(() => page.getByTestId("declaration-email").inputValue()).toContain("no hard-copy note verbale");
    const email = await page.getByTestId("declaration-email").inputValue();
    expect(email).toContain("Prosecutor General's Office of Romania");
    expect(email).toContain("currently registered: Ministry of Justice of Romania");
    expect(email).toContain("no hard-copy note verbale is needed");
    expect(await page.getByText("treaty.office@coe.int").count()).toBeGreaterThan(0);

    // In French too.
    await page.getByRole("radiogroup", { name: "Language" }).getByText("FR", { exact: true }).click();
    await page.getByText("Différences avec les déclarations officielles").waitFor();
    await expect.poll(() => page.getByTestId("declaration-email").inputValue()).toContain("actuellement enregistré");
    await page.getByRole("radiogroup", { name: "Langue" }).getByText("EN", { exact: true }).click();
    expect(errors).toEqual([]);
  });
  it("shows the requested Party's Art. 27 authority on a request", async () => {
    const { page, errors } = await demo.signIn("officer.mt@example.org", DESKTOP);
    // A request from Malta to Romania, sent through the API with the page's own session.
    const id = await page.evaluate(async () => {
      const session = await (await fetch("/api/auth/session")).json();
      const csrf = session.csrfToken ?? session.session?.csrfToken;
      const post = async (url: string, body: unknown) =>
        fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": csrf },
          body: JSON.stringify(body),
        });
      const draft = await (
        await post("/api/requests", { type: "legal_information", requestedParty: "RO", content: {} })
      ).json();
      const sent = await post(`/api/requests/${draft.id}/send`, {
        type: "legal_information",
        requestedParty: "RO",
        language: "en",
        reference: "MT-AUTH-1",
        requestingAuthority: {
          organisation: "Cybercrime Unit (fictional)",
          personInCharge: "M. Example",
          address: "1 Example Street",
          phone: "+99 2 555 0100",
          email: "duty.mt@example.org",
          officeHours: "Mon-Fri 08:30-17:30",
          timeZone: "Europe/Malta",
        },
        confirmationContact: { name: "M. Example", phone: "+99 2 555 0101", email: "duty.mt@example.org" },
        handlingConditions: { purpose: "Legal question for case MT-AUTH-1" },
        details: { subject: "Retention of connection logs", details: "How long do providers keep connection logs?" },
      });
      if (sent.status !== 200) throw new Error(`send refused: ${sent.status}`);
      return draft.id as string;
    });
    await page.goto(`${demo.url}/requests/${id}`);
    const panel = page.getByTestId("requested-authority");
    await panel.waitFor();
    expect(await panel.innerText()).toContain("Mutual assistance: central authority of Romania (Art. 27)");
    expect(await panel.innerText()).toContain("Prosecutor General's Office of Romania");
    expect(errors).toEqual([]);
  });
});
