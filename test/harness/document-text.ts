import { inflateSync } from "node:zlib";
import { unzipSync } from "fflate";

/**
 * A minimal reader for the PDFs pdfkit writes: objects, Flate streams, pages in /Kids order, and
 * the text of each page decoded through the fonts' ToUnicode maps (embedded fonts are written as
 * glyph ids, so the raw file never contains the text itself).
 */
export function pdfPages(pdf: Buffer): { text: string; fonts: string[] }[] {
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

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * The paragraphs of the parts of a .docx whose names match `part` (the body by default; e.g.
 * /^word\/footer\d*\.xml$/ for the footers), in document order, as plain text: w:t runs joined,
 * w:br as a line break, w:tab as a tab. Field codes (PAGE, NUMPAGES) are left out.
 */
export function docxParagraphs(docx: Buffer, part: RegExp = /^word\/document\.xml$/): string[] {
  const files = unzipSync(new Uint8Array(docx));
  const names = Object.keys(files)
    .filter((n) => part.test(n))
    .sort();
  if (names.length === 0) throw new Error(`No part matching ${part} in the document`);
  return names.flatMap((name) => {
    const xml = new TextDecoder().decode(files[name]);
    return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
      [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g)]
        .map((m) => (m[0] === "<w:br/>" ? "\n" : m[0] === "<w:tab/>" ? "\t" : m[1]!))
        .join("")
        .replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
          e.startsWith("#")
            ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
            : XML_ENTITIES[e]!,
        ),
    );
  });
}

/**
 * The items not found in `text` in the given order, whitespace ignored (a renderer wraps lines
 * where it likes): [] when every item appears after the one before it.
 */
export function missingInOrder(text: string, items: string[]): string[] {
  const compact = (s: string) => s.replace(/\s+/g, "");
  const haystack = compact(text);
  const missing: string[] = [];
  let from = 0;
  for (const item of items) {
    const at = haystack.indexOf(compact(item), from);
    if (at < 0) missing.push(item);
    else from = at + compact(item).length;
  }
  return missing;
}
