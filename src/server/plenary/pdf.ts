import type { Locale } from "../../shared/auth";
import type { PlenaryReport } from "../../shared/plenary";
import { A4, loadFonts, pdfBuffer } from "../directory/formats/pdf";
import { loadPdfKit } from "../libs";
import { plenaryLayout } from "./layout";

/**
 * The plenary report as an A4 PDF: the layout's sections in order, each heading on a tinted rule,
 * bullets, the versions table, and "page n / N" on every page. Embedded DejaVu Sans (the
 * directory's fonts), so "Côte d'Ivoire" and "Türkiye" print.
 */

const MARGIN = { top: 56, bottom: 64, left: 50, right: 50 };
const WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BLUE = "#1c4e80";

export async function plenaryPdf(report: PlenaryReport, lang: Locale): Promise<Buffer> {
  const layout = plenaryLayout(report, lang);
  const { regular, bold } = loadFonts();
  const PDFDocument = await loadPdfKit();
  const pdf = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    info: { Title: `${layout.title} – ${layout.subtitle}`, Creator: "Vigil" },
    lang,
  });
  const done = pdfBuffer(pdf);
  pdf.registerFont("Body", regular);
  pdf.registerFont("Bold", bold);

  pdf.font("Bold").fontSize(18).fillColor(BLUE).text(layout.title, { width: WIDTH });
  pdf.font("Body").fontSize(11).fillColor("black").text(layout.subtitle, { width: WIDTH });
  pdf.fontSize(8).fillColor("#555555").text(layout.restricted, { width: WIDTH });
  pdf.fillColor("black");

  for (const section of layout.sections) {
    pdf.moveDown(1);
    // A heading never sits alone at the foot of a page.
    if (pdf.y > A4.height - MARGIN.bottom - 80) pdf.addPage();
    pdf.font("Bold").fontSize(13).fillColor(BLUE).text(section.heading, MARGIN.left, pdf.y, { width: WIDTH });
    const y = pdf.y + 2;
    pdf
      .moveTo(MARGIN.left, y)
      .lineTo(MARGIN.left + WIDTH, y)
      .lineWidth(0.8)
      .strokeColor(BLUE)
      .stroke();
    pdf.fillColor("black");
    pdf.y = y + 6;
    for (const block of section.blocks) {
      if (block.kind === "p") {
        pdf
          .font(block.bold ? "Bold" : "Body")
          .fontSize(10)
          .text(block.text, MARGIN.left, pdf.y, { width: WIDTH, align: "left" });
        pdf.moveDown(0.4);
      } else if (block.kind === "bullets") {
        for (const item of block.items) {
          pdf
            .font("Body")
            .fontSize(10)
            .text(`• ${item}`, MARGIN.left + 10, pdf.y, { width: WIDTH - 10 });
          pdf.moveDown(0.2);
        }
        pdf.moveDown(0.3);
      } else {
        const widths =
          block.columns.length === 3 ? [80, 90, WIDTH - 170] : block.columns.map(() => WIDTH / block.columns.length);
        const drawRow = (cells: string[], isHeader: boolean) => {
          pdf.font(isHeader ? "Bold" : "Body").fontSize(8.5);
          const heights = cells.map((c, i) => pdf.heightOfString(c, { width: (widths[i] ?? 60) - 6 }));
          const h = Math.max(...heights) + 6;
          if (pdf.y + h > A4.height - MARGIN.bottom) pdf.addPage();
          const top = pdf.y;
          let x = MARGIN.left;
          cells.forEach((c, i) => {
            const cw = widths[i] ?? 60;
            if (isHeader) pdf.rect(x, top, cw, h).fill("#dfe7f1").fillColor("black");
            pdf.rect(x, top, cw, h).lineWidth(0.4).strokeColor("#999999").stroke();
            pdf.text(c, x + 3, top + 3, { width: cw - 6 });
            x += cw;
          });
          pdf.x = MARGIN.left;
          pdf.y = top + h;
        };
        drawRow(block.columns, true);
        for (const r of block.rows) drawRow(r, false);
        pdf.moveDown(0.5);
      }
    }
  }

  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0; // writing in the margin must not add a page
    pdf
      .font("Body")
      .fontSize(7.5)
      .fillColor("#555555")
      .text(`Vigil · ${layout.subtitle} · ${i + 1} / ${range.count}`, MARGIN.left, A4.height - 40, {
        width: WIDTH,
        align: "center",
        lineBreak: false,
      });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
