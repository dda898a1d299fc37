import { A4, loadFonts, pdfBuffer } from "../../directory/formats/pdf";
import { loadPdfKit } from "../../libs";
import type { RequestDocumentInput } from "./input";
import { type LayoutRow, type LayoutTable, type RequestLayout, requestLayout } from "./layout";

/**
 * A request as an A4 PDF laid out like the T-CY templates: numbered sections of label / value
 * rows, identifiers as a table, the handling conditions on a tinted band with a red rule, and on
 * every page the emergency or draft mark, a confidentiality note and "Vigil · number · page X of Y".
 * Fonts are the directory's embedded DejaVu Sans, so names beyond Latin-1 print.
 */

const MARGIN = { top: 56, bottom: 78, left: 50, right: 50 };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const LABEL_WIDTH = 150;
const GUTTER = 10;
const VALUE_X = MARGIN.left + LABEL_WIDTH + GUTTER;
const VALUE_WIDTH = WIDTH - LABEL_WIDTH - GUTTER;
const BODY = 9;
const ROW_GAP = 4;
const CELL = { size: 8, pad: 3 };
/** Identifier columns: type, identifier, date and time, time zone, port, details. */
const COLUMN_WIDTHS = [68, 100, 118, 78, 40, WIDTH - 68 - 100 - 118 - 78 - 40];
const RED = "#b00020";
/** Training exercises: a blue band, unlike the red of emergencies, so the two are never confused. */
const EXERCISE_FILL = "#1f4e9a";
const TINT = "#fdf3d8";

export async function renderRequestPdf(input: RequestDocumentInput): Promise<Buffer> {
  return renderPdf(requestLayout(input));
}

/**
 * What this renderer prints: a request's layout, or any document laid out the same way (sections
 * of label / value rows and tables), such as a data-protection copy or a Party's report. A table
 * may give its columns' relative `widths`; otherwise six columns are the identifiers' and any
 * other number shares the width equally.
 */
export type PrintTable = LayoutTable & { widths?: number[] };
export type PrintLayout = Omit<RequestLayout, "sections"> & {
  sections: { heading: string; rows: LayoutRow[]; table: PrintTable | null; prominent: boolean }[];
};

function columnWidths(t: PrintTable): number[] {
  if (t.widths && t.widths.length === t.columns.length) {
    const sum = t.widths.reduce((a, b) => a + b, 0);
    return t.widths.map((w) => (w / sum) * WIDTH);
  }
  if (t.columns.length === COLUMN_WIDTHS.length) return COLUMN_WIDTHS;
  return t.columns.map(() => WIDTH / Math.max(1, t.columns.length));
}

export async function renderPdf(layout: PrintLayout): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const PDFDocument = await loadPdfKit();
  const pdf = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true, // "page X of Y" is written once the number of pages is known
    info: {
      Title: layout.info.title,
      Subject: layout.info.subject,
      Creator: "Vigil",
      // The request's own date rather than now: the same request prints to the same file.
      CreationDate: layout.info.date,
    },
    lang: layout.locale,
  });
  const done = pdfBuffer(pdf);
  pdf.registerFont("Body", regular);
  pdf.registerFont("Bold", bold);

  const bottom = () => A4.height - MARGIN.bottom;
  const pageCount = () => pdf.bufferedPageRange().count;
  /** Starts a new page unless `height` fits in what is left, or could not fit on any page. */
  const keepTogether = (height: number) => {
    if (pdf.y + height > bottom() && height <= bottom() - MARGIN.top) pdf.addPage();
  };
  const textHeight = (text: string, font: "Body" | "Bold", size: number, width: number) =>
    pdf.font(font).fontSize(size).heightOfString(text, { width });

  const banner = (text: string, fill: string) => {
    pdf.font("Bold").fontSize(12);
    const h = pdf.heightOfString(text, { width: WIDTH - 16 }) + 12;
    pdf.rect(MARGIN.left, pdf.y, WIDTH, h).fill(fill);
    pdf.fillColor("white").text(text, MARGIN.left + 8, pdf.y + 6, { width: WIDTH - 16, align: "center" });
    pdf.fillColor("black");
    pdf.y += 6 + 8;
  };

  const rowHeight = (r: LayoutRow) =>
    Math.max(textHeight(r.label, "Bold", BODY, LABEL_WIDTH), textHeight(r.value, "Body", BODY, VALUE_WIDTH));

  const drawRow = (r: LayoutRow, prominent: boolean) => {
    const h = rowHeight(r);
    keepTogether(h + ROW_GAP);
    const y = pdf.y;
    if (prominent && y + h + ROW_GAP <= bottom()) {
      // Rows of the band touch, so the handling conditions read as one block.
      pdf.rect(MARGIN.left, y - ROW_GAP / 2, WIDTH, h + ROW_GAP).fill(TINT);
      pdf.rect(MARGIN.left, y - ROW_GAP / 2, 3, h + ROW_GAP).fill(RED);
      pdf.fillColor("black");
    }
    const x = MARGIN.left + (prominent ? 8 : 0);
    pdf
      .font("Bold")
      .fontSize(BODY)
      .fillColor("#333333")
      .text(r.label, x, y, { width: LABEL_WIDTH - (prominent ? 8 : 0) });
    const afterLabel = pdf.y;
    const page = pageCount();
    // A value longer than a page flows on to the next ones in its column.
    pdf.font("Body").fontSize(BODY).fillColor("black").text(r.value, VALUE_X, y, { width: VALUE_WIDTH });
    if (pageCount() === page) pdf.y = Math.max(afterLabel, pdf.y);
    pdf.y += ROW_GAP;
  };

  const cellsHeight = (cells: string[], font: "Body" | "Bold", widths: number[]) =>
    Math.max(...cells.map((c, i) => textHeight(c, font, CELL.size, (widths[i] ?? 0) - 2 * CELL.pad))) + 2 * CELL.pad;
  const drawCells = (cells: string[], font: "Body" | "Bold", fill: string | null, widths: number[]) => {
    const h = cellsHeight(cells, font, widths);
    const y = pdf.y;
    let x = MARGIN.left;
    cells.forEach((c, i) => {
      const w = widths[i] ?? 0;
      if (fill) pdf.rect(x, y, w, h).fill(fill);
      pdf.rect(x, y, w, h).lineWidth(0.5).strokeColor("#999999").stroke();
      pdf
        .fillColor("black")
        .font(font)
        .fontSize(CELL.size)
        .text(c, x + CELL.pad, y + CELL.pad, { width: w - 2 * CELL.pad });
      x += w;
    });
    pdf.y = y + h;
  };
  const drawTable = (t: PrintTable) => {
    const widths = columnWidths(t);
    const header = () => drawCells(t.columns, "Bold", "#d9e2f3", widths);
    header();
    for (const cells of t.rows) {
      const h = cellsHeight(cells, "Body", widths);
      if (pdf.y + h > bottom()) {
        pdf.addPage();
        header(); // the column names again at the top of the new page
      }
      drawCells(cells, "Body", null, widths);
    }
    pdf.y += ROW_GAP;
  };

  pdf.x = MARGIN.left;
  pdf.y = MARGIN.top;
  if (layout.exercise) banner(layout.exercise, EXERCISE_FILL);
  if (layout.banner) banner(layout.banner, RED);
  if (layout.draft) banner(layout.draft, "#666666");
  pdf.font("Bold").fontSize(14).text(layout.title, MARGIN.left, pdf.y, { width: WIDTH });
  pdf.moveDown(0.4);

  for (const section of layout.sections) {
    const headingHeight = textHeight(section.heading, "Bold", 11, WIDTH) + 14;
    const first = section.rows[0]
      ? rowHeight(section.rows[0])
      : section.table
        ? cellsHeight(section.table.columns, "Bold", columnWidths(section.table)) +
          cellsHeight(section.table.rows[0] ?? [], "Body", columnWidths(section.table))
        : 0;
    // A heading never ends a page alone: it stays with its first row.
    keepTogether(headingHeight + first);
    pdf.y += 8;
    pdf
      .font("Bold")
      .fontSize(11)
      .fillColor(section.prominent ? RED : "black")
      .text(section.heading, MARGIN.left, pdf.y, { width: WIDTH });
    const ruleY = pdf.y + 1;
    pdf
      .moveTo(MARGIN.left, ruleY)
      .lineTo(MARGIN.left + WIDTH, ruleY)
      .lineWidth(section.prominent ? 1 : 0.5)
      .strokeColor(section.prominent ? RED : "#aaaaaa")
      .stroke();
    pdf.fillColor("black").strokeColor("black");
    pdf.y = ruleY + 5;
    for (const r of section.rows) drawRow(r, section.prominent);
    if (section.table) drawTable(section.table);
  }

  // The marks every page carries, now that the number of pages is known.
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing inside the margins must not make pdfkit start another page.
    const saved = pdf.page.margins;
    pdf.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    const mark = [layout.exercise, layout.banner, layout.draft].filter(Boolean).join(" · ");
    if (mark && i > range.start) {
      pdf.font("Bold").fontSize(8).fillColor(RED).text(mark, MARGIN.left, 30, { width: WIDTH, lineBreak: false });
    }
    pdf
      .font("Body")
      .fontSize(7)
      .fillColor("#555555")
      .text(layout.confidentialityNote, MARGIN.left, A4.height - MARGIN.bottom + 14, { width: WIDTH });
    pdf.text(layout.footer(String(i - range.start + 1), String(range.count)), MARGIN.left, A4.height - 34, {
      width: WIDTH,
      align: "right",
      lineBreak: false,
    });
    pdf.fillColor("black");
    pdf.page.margins = saved;
  }
  pdf.end();
  return done;
}
