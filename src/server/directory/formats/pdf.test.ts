import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { directoryToPdf } from "./pdf";
import { sampleDirectory, sampleDirectoryOfSize } from "./sample";

/**
 * A minimal reader for the PDFs pdfkit writes: objects, Flate streams, pages in /Kids order, and
 * the text of each page decoded through the fonts' ToUnicode maps (embedded fonts are written as
 * glyph ids, so the raw file never contains the text itself).
 */
function pdfPages(pdf: Buffer): { text: string; fonts: string[] }[] {
  const src = pdf.toString("latin1");
  const objects = new Map<number, string>();
  for (const m of src.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2]!);
  const obj = (n: number) => objects.get(n) ?? "";
  const stream = (n: number) => {
    const o = obj(n);
    const start = o.indexOf("stream") + "stream".length;
    const body = Buffer.from(o.slice(start, o.lastIndexOf("endstream")).replace(/^\r?\n/, ""), "latin1");
    return (o.slice(0, start).includes("/FlateDecode") ? inflateSync(body) : body).toString("latin1");
  };
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  const cmaps = new Map<number, Map<number, string>>();
  const cmapOf = (fontObj: number) => {
    if (!cmaps.has(fontObj)) {
      const map = new Map<number, string>();
      const cmap = stream(ref(obj(fontObj), "ToUnicode"));
      const hexText = (h: string) =>
        String.fromCodePoint(
          ...h
            .trim()
            .split(/\s+/)
            .map((x) => Number.parseInt(x, 16)),
        );
      for (const m of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*\[([^\]]*)\]/gi)) {
        const start = Number.parseInt(m[1]!, 16);
        for (const [i, u] of [...m[3]!.matchAll(/<([^>]*)>/g)].entries()) map.set(start + i, hexText(u[1]!));
      }
      cmaps.set(fontObj, map);
    }
    return cmaps.get(fontObj)!;
  };
  const kids = /\/Kids \[([^\]]*)\]/.exec(obj(1))![1]!;
  return [...kids.matchAll(/(\d+) 0 R/g)].map((k) => {
    const page = obj(Number(k[1]));
    const resources = obj(ref(page, "Resources"));
    const fontRefs = new Map<string, number>();
    for (const m of /\/Font <<([^>]*)>>/.exec(resources)![1]!.matchAll(/\/(\w+) (\d+) 0 R/g))
      fontRefs.set(m[1]!, Number(m[2]));
    const lines: string[] = [];
    let font = 0;
    for (const m of stream(ref(page, "Contents")).matchAll(
      /\/(\w+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|\s|-?[\d.]+)*)\] TJ/gi,
    )) {
      if (m[1]) {
        font = fontRefs.get(m[1])!;
        continue;
      }
      const map = cmapOf(font);
      let line = "";
      for (const h of m[2]!.matchAll(/<([0-9a-f]*)>/gi))
        for (let i = 0; i < h[1]!.length; i += 4) line += map.get(Number.parseInt(h[1]!.slice(i, i + 4), 16)) ?? "?";
      lines.push(line);
    }
    return { text: lines.join("\n"), fonts: [...fontRefs.values()].map((f) => /\/BaseFont \/(\S+)/.exec(obj(f))![1]!) };
  });
}

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
