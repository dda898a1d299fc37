import type { Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoSession } from "../harness/demo-session";
import { pdfPages } from "../harness/document-text";

// Oversight (SAP Art. 14(13–14)) and access (14(11–12)): Chile's officer sends Romania a legal
// question naming an e-mail address; Romania's data-protection auditor signs in, reads the
// request with no action offered anywhere, opens Romania's data-protection report and downloads
// the request's copy and a person's copy; the copy is in Romania's access log. Real server, demo
// network, Chromium.

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("auditor");
});
afterAll(async () => {
  await demo?.stop();
});

const DESKTOP = { width: 1280, height: 900 };
const PERSON = "j.doe@example.org";

/** Sends a request through the API with the page's own session (as the web client would). */
async function sendAsChile(page: Page): Promise<{ id: string; number: string }> {
  return page.evaluate(async (person) => {
    const session = await (await fetch("/api/auth/session")).json();
    const headers = { "content-type": "application/json", "x-csrf-token": session.csrfToken };
    const post = async (url: string, body: unknown) => {
      const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const draft = await post("/api/requests", { type: "legal_information", requestedParty: "RO", content: {} });
    const sent = await post(`/api/requests/${draft.id}/send`, {
      type: "legal_information",
      requestedParty: "RO",
      language: "en",
      reference: "CL-AUDIT-2026-1",
      requestingAuthority: {
        organisation: "Cybercrime Unit (fictional)",
        personInCharge: "M. Example",
        address: "1 Example Street",
        phone: "+99 2 555 0100",
        email: "duty.cl@example.org",
        officeHours: "Mon–Fri 08:30–17:30",
        timeZone: "America/Santiago",
      },
      confirmationContact: { name: "M. Example", phone: "+99 2 555 0101", email: "duty.cl@example.org" },
      handlingConditions: { purpose: "Legal question for case CL-AUDIT-2026-1" },
      identifiers: [{ kind: "email", value: person }],
      details: { subject: "Disclosure of an e-mail account's logs", details: "Which authority orders it?" },
    });
    return { id: sent.id as string, number: sent.number as string };
  }, PERSON);
}

async function pdfText(download: Download): Promise<string> {
  const fs = await import("node:fs");
  const file = await download.path();
  return pdfPages(fs.readFileSync(file as string))
    .map((p) => p.text)
    .join("\n");
}

describe("Romania's data-protection auditor", () => {
  it("reads without any action offered, opens the report and downloads the copies", async () => {
    const chile = await demo.signIn("officer.cl@example.org", DESKTOP);
    const request = await sendAsChile(chile.page);

    const auditor = await demo.signIn("auditor.ro@example.org", DESKTOP, { acceptDownloads: true });
    const page = auditor.page;
    // The inbox: the request is there, and nothing to start a new one.
    await page.goto(`${demo.url}/requests`);
    await page.locator(`[data-testid="request-row"][data-number="${request.number}"]`).first().waitFor();
    expect(await page.getByRole("link", { name: "New request", exact: true }).count()).toBe(0);

    await page.goto(`${demo.url}/requests/${request.id}`);
    await page.getByTestId("request-number").waitFor();
    await page.getByTestId("copy-downloads").waitFor();
    // No step, message, file, feedback, onward transfer or follow-up: nothing in the page that
    // changes the request. Only the receipt check (it verifies a signature) is a button.
    expect(await page.getByTestId("actions").count()).toBe(0);
    const main = page.locator("main");
    expect(await main.getByTestId("request-number").count()).toBe(1);
    expect(await main.locator("textarea, input[type=file]").count()).toBe(0);
    const buttons = await main.locator("button:visible").evaluateAll((bs) => bs.map((b) => b.textContent?.trim()));
    expect(buttons.filter((b) => b && !/receipt/i.test(b))).toEqual([]);

    // The request's copy, as a PDF.
    const [copy] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("copy-downloads").getByRole("link", { name: "Copy (PDF, English)" }).click(),
    ]);
    expect(copy.suggestedFilename()).toBe(`data-protection-copy-${request.number}-en.pdf`);
    const text = await pdfText(copy);
    expect(text).toContain(request.number);
    expect(text).toContain("Budapest Convention, Article 35(1)");
    expect(text).toContain(PERSON);

    // Data protection → Report and copies.
    await page.getByRole("link", { name: "Data protection" }).first().click();
    await page.getByRole("link", { name: "Report and copies" }).click();
    await page.getByTestId("dp-report").waitFor();
    expect(await page.getByTestId("report-requests-received").innerText()).toBe("1");
    await expect.poll(() => page.getByTestId("report-copies-copies").innerText()).toBe("1");
    // No action buttons here either: a period, downloads, and the person's copy.
    expect(await page.getByRole("button", { name: /Suspend|Record/ }).count()).toBe(0);

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    const fs = await import("node:fs");
    const lines = fs.readFileSync((await csv.path()) as string, "utf8");
    expect(lines).toContain("RO,,,Requests (Art. 14(5)),Received,1");

    await page.getByLabel("Identifier or name").fill(PERSON.toUpperCase());
    const [person] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Person's copy (PDF)" }).click(),
    ]);
    const personText = await pdfText(person);
    expect(personText).toContain(request.number);
    expect(personText).toContain(PERSON);

    // The retention periods, to read: no field, no save button.
    await page.getByRole("link", { name: "Retention periods" }).click();
    await page.locator('[data-testid="retention-row"][data-type="legal_information"]').waitFor();
    expect(await page.getByTestId("retention").locator("input, button").count()).toBe(0);

    // Both copies are disclosures in Romania's access log.
    await page.getByRole("link", { name: "Access log" }).click();
    await page.getByTestId("access-log").waitFor();
    await expect.poll(() => page.locator('[data-testid="access-entry"][data-kind="copy_produced"]').count()).toBe(2);

    expect(chile.errors).toEqual([]);
    expect(auditor.errors).toEqual([]);
  });
});
