import { describe, expect, it } from "vitest";
import { pdfPages } from "../../../../test/harness/document-text";
import { directoryToPdf } from "./pdf";
import { sampleDirectory, sampleDirectoryOfSize } from "./sample";

describe("directoryToPdf", () => {
  it("prints a demo-size directory on several A4 pages, each with the version, date and page n / N", async () => {
    const pdf = await directoryToPdf(sampleDirectoryOfSize(76));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/MediaBox [0 0 595.28 841.89]");
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      expect(page.text).toContain(`Version 2024-12 of 16 December 2024 · page ${i + 1} / ${pages.length}`);
    });
    const all = pages.map((p) => p.text).join("\n");
    expect(pages[0]!.text).toContain("Directory of the 24/7 Network of contact points");
    // Names beyond ASCII come out of the embedded font intact.
    expect(all).toContain("Türkiye / Türkiye (TR)");
    expect(all).toContain("Côte d'Ivoire / Côte d'Ivoire (CI)");
    expect(all).toContain("États-Unis");
    // Every Party is there, in order.
    const headings = [...all.matchAll(/^.+ \/ .+ \(([A-Z]{2})\)$/gm)].map((m) => m[1]);
    expect(headings).toHaveLength(76);
  });

  it("embeds its font instead of relying on the machine's", async () => {
    const pages = pdfPages(await directoryToPdf(sampleDirectory()));
    const fonts = new Set(pages.flatMap((p) => p.fonts));
    expect([...fonts].every((f) => /^[A-Z]{6}\+DejaVuSans/.test(f))).toBe(true);
    expect((await directoryToPdf(sampleDirectory())).toString("latin1")).toContain("/FontFile2");
  });

  it("shows each contact point with phones marked 24/7, availability, languages and instructions", async () => {
    // Labels, their values and wrapped lines are separate text runs: read them as one flow.
    const text = pdfPages(await directoryToPdf(sampleDirectory()))
      .map((p) => p.text)
      .join("\n")
      .replace(/\s+/g, " ");
    expect(text).toContain("Phones: +99213555040 (24/7, Duty prosecutor); +99213555041 (24/7, Mobile, backup)");
    expect(text).toContain("Availability: Mon-Fri 08:00-17:00; Sat 09:00-12:00 (Africa/Abidjan). Outside these hours:");
    expect(text).toContain("Languages: Romanian, English, French");
    expect(text).toContain("Secure channels: Europol SIENA; Eurojust secure e-mail");
    expect(text).toContain("Preservation: 60 days, extendable. Extended once by the prosecutor, for 30 days.");
    expect(text).toContain("Benin / Bénin (BJ)");
  });

  it("does not leave a Party heading alone at the bottom of a page", async () => {
    const pages = pdfPages(await directoryToPdf(sampleDirectoryOfSize(76)));
    for (const page of pages) {
      const lines = page.text.split("\n").filter((l) => !/page \d+ \/ \d+$|· Restricted$/.test(l));
      const last = lines.at(-1) ?? "";
      expect(last, page.text).not.toMatch(/ \/ .+ \([A-Z]{2}\)$/);
    }
  });
});
