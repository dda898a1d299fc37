import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Locale } from "../../shared/auth";
import type { PlenaryReport } from "../../shared/plenary";
import { type Block, plenaryLayout } from "./layout";

/** The plenary report as a Word document, from the same layout as the PDF: the Secretariat edits it further if it wants. */

const TEXT_WIDTH = 11906 - 2 * 1134;
const GRID = { style: BorderStyle.SINGLE, size: 4, color: "999999" } as const;
const BORDERS = { top: GRID, bottom: GRID, left: GRID, right: GRID };

function blockChildren(block: Block): (Paragraph | Table)[] {
  if (block.kind === "p") return [new Paragraph({ children: [new TextRun({ text: block.text, bold: block.bold })] })];
  if (block.kind === "bullets") return block.items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
  const widths =
    block.columns.length === 3
      ? [1500, 1800, TEXT_WIDTH - 3300]
      : block.columns.map(() => TEXT_WIDTH / block.columns.length);
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 1000, type: WidthType.DXA },
      borders: BORDERS,
      ...(header ? { shading: { type: ShadingType.CLEAR, color: "auto", fill: "DFE7F1" } } : {}),
      children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
    });
  return [
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      rows: [
        new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c, i, true)) }),
        ...block.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, i, false)) })),
      ],
    }),
    new Paragraph({ text: "" }),
  ];
}

export async function plenaryDocx(report: PlenaryReport, lang: Locale): Promise<Buffer> {
  const layout = plenaryLayout(report, lang);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: layout.title }),
    new Paragraph({ children: [new TextRun({ text: layout.subtitle, bold: true })] }),
    new Paragraph({ children: [new TextRun({ text: layout.restricted, italics: true, size: 16 })] }),
  ];
  for (const section of layout.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: section.heading }));
    for (const block of section.blocks) children.push(...blockChildren(block));
  }
  const doc = new Document({
    creator: "Vigil",
    title: `${layout.title} – ${layout.subtitle}`,
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `Vigil · ${layout.subtitle} · `, size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
                  new TextRun({ text: " / ", size: 16 }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
