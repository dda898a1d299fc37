import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DemoSession } from "../harness/demo-session";
import { pdfPages } from "../harness/document-text";

// Journey 6, the plenary: the Secretariat opens Statistics (the charts render), asks for the
// plenary report of June–November 2024 and downloads the PDF, whose text holds the figures the
// Secretariat presented to the 31st T-CY plenary. Real server, the demo network with its 2024.

let demo: DemoSession;

beforeAll(async () => {
  demo = await DemoSession.start("plenary");
});
afterAll(async () => {
  await demo?.stop();
});

describe("journey 6: the plenary report", () => {
  it("statistics with charts, then the plenary report's PDF with the figures from the data", async () => {
    const { page, errors } = await demo.signIn(
      "secretariat@example.org",
      { width: 1280, height: 900 },
      { acceptDownloads: true },
    );
    await page.goto(`${demo.url}/statistics`);
    await expect.poll(() => page.getByTestId("parties-with-cps").innerText(), { timeout: 15_000 }).toBe("76");
    expect(await page.getByTestId("parties-more-than-one").innerText()).toBe("12");
    // A chart renders: recharts draws its bars as SVG paths.
    await page.getByTestId("cp-type-chart").locator("svg .recharts-bar-rectangle").first().waitFor();
    await page.getByTestId("ping-trend-chart").locator("svg").first().waitFor();

    const panel = page.getByRole("region", { name: "Plenary report" });
    await panel.getByLabel("From", { exact: true }).fill("2024-06-01");
    await panel.getByLabel("To", { exact: true }).fill("2024-11-30");
    await panel.getByLabel("Conclusions").fill("Capacity building support for new members");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      panel.getByRole("link", { name: "Plenary report (PDF)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("vigil-plenary-2024-06-01-2024-11-30-en.pdf");
    const text = pdfPages(fs.readFileSync(await download.path()))
      .map((p) => p.text)
      .join("\n")
      .replace(/-\n/g, "-")
      .replace(/\s+/g, " ");
    for (const figure of [
      "Parties with contact points: 76",
      "Parties with more than 1 contact point: 12",
      "Police: 65",
      "12 updated versions shared with the Network",
      "Less than 30 minutes: +11 = 35 Parties",
      "Less than 6 days: +1 = 68 Parties",
      "Participation: 94 delegates (81 in person and 13 online), representing 59 countries (48 Parties and 11 Observers) and 4 international organisations",
      "Capacity building support for new members",
    ]) {
      expect(text).toContain(figure);
    }
    expect(errors).toEqual([]);
  });
});
