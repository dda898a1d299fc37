import type { Paragraph, Table } from "docx";
import type { Locale } from "../../shared/auth";
import type { PlenaryReport } from "../../shared/plenary";
import { type Docx, loadDocx } from "../libs";
import { type Block, plenaryLayout } from "./layout";

/** The plenary report as a Word document, from the same layout as the PDF: the Secretariat edits it further if it wants. */

const TEXT_WIDTH = 11906 - 2 * 1134;
const GRID = { style: "single", size: 4, color: "999999" } as const;
const BORDERS = { top: GRID, bottom: GRID, left: GRID, right: GRID };

function blockChildren(d: Docx, block: Block): (Paragraph | Table)[] {
  if (block.kind === "p")
    return [new d.Paragraph({ children: [new d.TextRun({ text: block.text, bold: block.bold })] })];
  if (block.kind === "bullets") return block.items.map((text) => new d.Paragraph({ text, bullet: { level: 0 } }));
  const widths =
    block.columns.length === 3
      ? [1500, 1800, TEXT_WIDTH - 3300]
      : block.columns.map(() => TEXT_WIDTH / block.columns.length);
  const cell = (text: string, i: number, header: boolean) =>
    new d.TableCell({
      width: { size: widths[i] ?? 1000, type: d.WidthType.DXA },
      borders: BORDERS,
      ...(header ? { shading: { type: d.ShadingType.CLEAR, color: "auto", fill: "DFE7F1" } } : {}),
      children: [new d.Paragraph({ children: [new d.TextRun({ text, bold: header })] })],
    });
  return [
    new d.Table({
      width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
      columnWidths: widths,
      rows: [
        new d.TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c, i, true)) }),
        ...block.rows.map((r) => new d.TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
      ],
    }),
    new d.Paragraph({ text: "" }),
  ];
}

export async function plenaryDocx(report: PlenaryReport, lang: Locale): Promise<Buffer> {
  const d = await loadDocx();
  const layout = plenaryLayout(report, lang);
  const children: (Paragraph | Table)[] = [
    new d.Paragraph({ heading: d.HeadingLevel.TITLE, text: layout.title }),
    new d.Paragraph({ children: [new d.TextRun({ text: layout.subtitle, bold: true })] }),
    new d.Paragraph({ children: [new d.TextRun({ text: layout.restricted, italics: true, size: 16 })] }),
  ];
  for (const section of layout.sections) {
    children.push(new d.Paragraph({ heading: d.HeadingLevel.HEADING_1, text: section.heading }));
    for (const block of section.blocks) children.push(...blockChildren(d, block));
  }
  const doc = new d.Document({
    creator: "Vigil",
    title: `${layout.title} – ${layout.subtitle}`,
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        footers: {
          default: new d.Footer({
            children: [
              new d.Paragraph({
                alignment: d.AlignmentType.CENTER,
                children: [
                  new d.TextRun({ text: `Vigil · ${layout.subtitle} · `, size: 16 }),
                  new d.TextRun({ children: [d.PageNumber.CURRENT], size: 16 }),
                  new d.TextRun({ text: " / ", size: 16 }),
                  new d.TextRun({ children: [d.PageNumber.TOTAL_PAGES], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Buffer.from(await d.Packer.toBuffer(doc));
}
