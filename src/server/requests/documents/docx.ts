import type { Paragraph, Table, TextRun } from "docx";
import { type Docx, loadDocx } from "../../libs";
import type { RequestDocumentInput } from "./input";
import { type LayoutSection, type LayoutTable, requestLayout } from "./layout";

/**
 * A request as a Word document laid out like the T-CY templates: the same sections as the PDF
 * (both draw requestLayout), each a heading and a two-column table of labels and values, the
 * identifiers as a table whose header repeats on every page, the handling conditions tinted with
 * a red rule, the emergency or draft mark in every page's header, and a footer with the
 * confidentiality note and "Vigil · number · page X of Y" as Word page-number fields.
 */

// A4 portrait in twentieths of a point, 2 cm margins: 9638 twips of text width.
const A4 = { width: 11906, height: 16838 };
const PAGE_MARGIN = 1134;
const TEXT_WIDTH = A4.width - 2 * PAGE_MARGIN;
const LABEL_WIDTH = 2900;
const COLUMN_WIDTHS = [1350, 1950, 2300, 1550, 800];
COLUMN_WIDTHS.push(TEXT_WIDTH - COLUMN_WIDTHS.reduce((a, b) => a + b, 0));
const RED = "B00020";
/** Training exercises: a blue band, unlike the red of emergencies, so the two are never confused. */
const EXERCISE_FILL = "1F4E9A";
const TINT = "FDF3D8";
const GRID = { style: "single", size: 4, color: "999999" } as const;
const BORDERS = { top: GRID, bottom: GRID, left: GRID, right: GRID };
/** Rows longer than this may break across pages; shorter ones are kept whole. */
const SPLITTABLE = 1200;

/** Lines as paragraphs: Word keeps the sender's line breaks, and an empty value still has a line. */
function lines(d: Docx, text: string, run: { bold?: boolean; size?: number; color?: string } = {}): Paragraph[] {
  return text.split("\n").map((line) => new d.Paragraph({ children: [new d.TextRun({ text: line, ...run })] }));
}

function rowsTable(d: Docx, section: LayoutSection): Table {
  const prominent = section.prominent;
  const cell = (text: string, width: number, opts: { bold?: boolean; first?: boolean }) =>
    new d.TableCell({
      width: { size: width, type: d.WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 100, right: 100 },
      ...(prominent ? { shading: { type: d.ShadingType.CLEAR, color: "auto", fill: TINT } } : {}),
      borders: {
        ...BORDERS,
        // The red rule down the left of the handling conditions, as in the PDF.
        ...(prominent && opts.first ? { left: { style: d.BorderStyle.SINGLE, size: 24, color: RED } } : {}),
      },
      children: lines(d, text, opts.bold ? { bold: true } : {}),
    });
  return new d.Table({
    width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
    columnWidths: [LABEL_WIDTH, TEXT_WIDTH - LABEL_WIDTH],
    rows: section.rows.map(
      (r) =>
        new d.TableRow({
          cantSplit: r.value.length < SPLITTABLE,
          children: [
            cell(r.label, LABEL_WIDTH, { bold: true, first: true }),
            cell(r.value, TEXT_WIDTH - LABEL_WIDTH, {}),
          ],
        }),
    ),
  });
}

function gridTable(d: Docx, t: LayoutTable): Table {
  const cell = (text: string, i: number, header: boolean) =>
    new d.TableCell({
      width: { size: COLUMN_WIDTHS[i] ?? 0, type: d.WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      borders: BORDERS,
      ...(header ? { shading: { type: d.ShadingType.CLEAR, color: "auto", fill: "D9E2F3" } } : {}),
      children: lines(d, text, { size: 17, ...(header ? { bold: true } : {}) }),
    });
  return new d.Table({
    width: { size: TEXT_WIDTH, type: d.WidthType.DXA },
    columnWidths: COLUMN_WIDTHS,
    rows: [
      new d.TableRow({
        tableHeader: true, // Word repeats it at the top of every page
        cantSplit: true,
        children: t.columns.map((c, i) => cell(c, i, true)),
      }),
      ...t.rows.map((cells) => new d.TableRow({ cantSplit: true, children: cells.map((c, i) => cell(c, i, false)) })),
    ],
  });
}

const PAGE = "\uE000"; // private-use characters: no text of the footer contains them
const PAGES = "\uE001";

/** The footer line with Word's PAGE and NUMPAGES fields where the page numbers go. */
function footerRuns(d: Docx, footer: (page: string, total: string) => string): TextRun[] {
  return footer(PAGE, PAGES)
    .split(/(\uE000|\uE001)/)
    .filter((part) => part !== "")
    .map((part) =>
      part === PAGE
        ? new d.TextRun({ children: [d.PageNumber.CURRENT], size: 14 })
        : part === PAGES
          ? new d.TextRun({ children: [d.PageNumber.TOTAL_PAGES], size: 14 })
          : new d.TextRun({ text: part, size: 14 }),
    );
}

export async function renderRequestDocx(input: RequestDocumentInput): Promise<Buffer> {
  const d = await loadDocx();
  const layout = requestLayout(input);
  const mark = [layout.exercise, layout.banner, layout.draft].filter((m): m is string => m !== null);
  const banner = (text: string, fill: string) =>
    new d.Paragraph({
      alignment: d.AlignmentType.CENTER,
      shading: { type: d.ShadingType.CLEAR, color: "auto", fill },
      spacing: { after: 120 },
      children: [new d.TextRun({ text, bold: true, color: "FFFFFF", size: 26 })],
    });

  const body: (Paragraph | Table)[] = [
    ...(layout.exercise ? [banner(layout.exercise, EXERCISE_FILL)] : []),
    ...(layout.banner ? [banner(layout.banner, RED)] : []),
    ...(layout.draft ? [banner(layout.draft, "666666")] : []),
    new d.Paragraph({
      heading: d.HeadingLevel.TITLE,
      spacing: { after: 200 },
      children: [new d.TextRun({ text: layout.title, bold: true, size: 30, color: "000000", font: "Arial" })],
    }),
  ];
  for (const section of layout.sections) {
    body.push(
      new d.Paragraph({
        heading: d.HeadingLevel.HEADING_2,
        keepNext: true, // a heading never ends a page alone
        spacing: { before: 240, after: 80 },
        children: [
          new d.TextRun({
            text: section.heading,
            bold: true,
            size: 22,
            font: "Arial",
            color: section.prominent ? RED : "000000",
          }),
        ],
      }),
    );
    if (section.rows.length) body.push(rowsTable(d, section));
    if (section.table) body.push(gridTable(d, section.table));
  }

  const document = new d.Document({
    creator: "Vigil",
    title: layout.info.title,
    subject: layout.info.subject,
    description: layout.info.subject,
    styles: {
      default: {
        // The language of the labels, so Word's spelling and hyphenation follow them.
        document: { run: { font: "Arial", size: 19, language: { value: layout.locale === "fr" ? "fr-FR" : "en-GB" } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN },
          },
        },
        // No header part at all when there is nothing to mark: Word wants a paragraph in each one.
        ...(mark.length
          ? {
              headers: {
                default: new d.Header({
                  children: [
                    new d.Paragraph({
                      children: [new d.TextRun({ text: mark.join(" · "), bold: true, color: RED, size: 16 })],
                    }),
                  ],
                }),
              },
            }
          : {}),
        footers: {
          default: new d.Footer({
            children: [
              new d.Paragraph({
                children: [new d.TextRun({ text: layout.confidentialityNote, size: 14, color: "555555" })],
              }),
              new d.Paragraph({ alignment: d.AlignmentType.RIGHT, children: footerRuns(d, layout.footer) }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return d.Packer.toBuffer(document);
}
