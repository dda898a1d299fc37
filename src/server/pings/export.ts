import type { Locale } from "../../shared/auth";
import { bucketUnit, type PingReport, type PingReportRow } from "../../shared/pings";
import { csvDocument } from "../directory/formats/csv";
import { A4, loadFonts, pdfBuffer } from "../directory/formats/pdf";
import { loadPdfKit } from "../libs";

/*
 * The report for the plenary: CSV (the table, who did not answer, each contact point) and PDF
 * (the table in the source document's form, a bar chart of it, who did not answer, each contact
 * point with the local time the ping arrived). English or French.
 */

const UNITS = {
  en: { minutes: "minutes", hours: "hours", days: "days" },
  fr: { minutes: "minutes", hours: "heures", days: "jours" },
} as const;

const T = {
  en: {
    title: "Ping test",
    lessThan: "Less than",
    parties: "Parties",
    contactPoints: "contact points",
    byParty: "Response times by Party (each at its fastest contact point)",
    byContactPoint: "Response times by contact point",
    none: "Parties that did not answer",
    noneEmpty: "Every Party answered.",
    later: "Answered later",
    unanswered: "No answer",
    details: "Contact points",
    sent: "Sent",
    columns: [
      "Party",
      "Party name",
      "Institution",
      "Type",
      "Time zone",
      "Handed to the mail server (UTC)",
      "Local time at arrival",
      "Acknowledged (UTC)",
      "Response (minutes)",
      "How",
      "By",
      "Note",
    ],
    tableColumns: ["Within", "Added", "Cumulative"],
    via: { link: "e-mail link", app: "in Vigil", phone: "phone" },
    restricted: "Restricted: for the members of the 24/7 Network only.",
  },
  fr: {
    title: "Test de disponibilité",
    lessThan: "Moins de",
    parties: "Parties",
    contactPoints: "points de contact",
    byParty: "Temps de réponse par Partie (au point de contact le plus rapide)",
    byContactPoint: "Temps de réponse par point de contact",
    none: "Parties qui n'ont pas répondu",
    noneEmpty: "Toutes les Parties ont répondu.",
    later: "Réponse plus tardive",
    unanswered: "Pas de réponse",
    details: "Points de contact",
    sent: "Envoyé",
    columns: [
      "Partie",
      "Nom de la Partie",
      "Institution",
      "Type",
      "Fuseau horaire",
      "Remis au serveur de messagerie (UTC)",
      "Heure locale à l'arrivée",
      "Réponse (UTC)",
      "Délai (minutes)",
      "Comment",
      "Par",
      "Note",
    ],
    tableColumns: ["Délai", "Ajout", "Cumul"],
    via: { link: "lien du courriel", app: "dans Vigil", phone: "téléphone" },
    restricted: "Diffusion restreinte : réservé aux membres du réseau 24/7.",
  },
} as const;

/** "Less than 30 minutes" / "Moins de 30 minutes". */
export function rowLabel(minutes: number, lang: Locale): string {
  const { value, unit } = bucketUnit(minutes);
  return `${T[lang].lessThan} ${value} ${UNITS[lang][unit]}`;
}

/** "Less than 30 minutes: +11 = 35 Parties", as the source document writes it. */
export function rowLine(row: PingReportRow, index: number, noun: string, lang: Locale): string {
  // French sets a (non-breaking) space before a colon.
  const label = `${rowLabel(row.minutes, lang)}${lang === "fr" ? "\u00a0:" : ":"}`;
  return index === 0 ? `${label} ${row.count} ${noun}` : `${label} +${row.added} = ${row.count} ${noun}`;
}

const minutesOf = (s: number | null) => (s === null ? "" : (s / 60).toFixed(1));
const name = (r: { partyNameEn: string; partyNameFr: string }, lang: Locale) =>
  lang === "fr" ? r.partyNameFr : r.partyNameEn;

export function reportCsv(report: PingReport, lang: Locale): string {
  const t = T[lang];
  const rows: string[][] = [
    [t.title, report.campaign.title],
    [t.sent, report.campaign.firedAt ?? ""],
    [],
    [t.byParty],
    [...t.tableColumns],
    ...report.parties.rows.map((r) => [rowLabel(r.minutes, lang), String(r.added), String(r.count)]),
    [t.later, String(report.parties.later)],
    [t.unanswered, String(report.parties.unanswered)],
    [],
    [t.byContactPoint],
    [...t.tableColumns],
    ...report.contactPoints.rows.map((r) => [rowLabel(r.minutes, lang), String(r.added), String(r.count)]),
    [t.later, String(report.contactPoints.later)],
    [t.unanswered, String(report.contactPoints.unanswered)],
    [],
    [t.none],
    ...report.nonResponders.map((p) => [p.party, lang === "fr" ? p.nameFr : p.nameEn]),
    [],
    [t.details],
    [...t.columns],
    ...report.contactPointResults.map((c) => [
      c.party,
      name(c, lang),
      c.institution,
      c.type,
      c.timeZone,
      c.handedOverAt ?? "",
      c.localArrival ?? "",
      c.acknowledgedAt ?? "",
      minutesOf(c.responseSeconds),
      c.via ? t.via[c.via] : "",
      c.answeredBy ?? "",
      c.note ?? "",
    ]),
  ];
  return csvDocument(rows);
}

const MARGIN = 50;
const WIDTH = A4.width - 2 * MARGIN;

export async function reportPdf(report: PingReport, lang: Locale): Promise<Buffer> {
  const t = T[lang];
  const { regular, bold } = loadFonts();
  const fired = report.campaign.firedAt;
  const PDFDocument = await loadPdfKit();
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: {
      Title: `${t.title} – ${report.campaign.title}`,
      Creator: "Vigil",
      ...(fired ? { CreationDate: new Date(fired) } : {}),
    },
    lang,
  });
  const done = pdfBuffer(pdf);
  pdf.registerFont("Body", regular);
  pdf.registerFont("Bold", bold);

  pdf.font("Bold").fontSize(16).text(`${t.title}: ${report.campaign.title}`, { width: WIDTH });
  pdf
    .font("Body")
    .fontSize(9)
    .text(`${t.sent}: ${fired ? `${fired.slice(0, 16).replace("T", " ")} UTC` : "—"}`);
  pdf.text(t.restricted);
  pdf.moveDown();

  pdf.font("Bold").fontSize(11).text(t.byParty);
  pdf.moveDown(0.3);
  report.parties.rows.forEach((r, i) => {
    pdf
      .font("Body")
      .fontSize(10)
      .text(rowLine(r, i, t.parties, lang));
  });
  if (report.parties.later) pdf.text(`${t.later}: ${report.parties.later} ${t.parties}`);
  pdf.text(`${t.unanswered}: ${report.parties.unanswered} ${t.parties}`);
  pdf.moveDown();

  // The bar chart of the same table: one bar per row, its length the cumulative count.
  const total = Math.max(1, report.parties.total);
  const labelWidth = 130;
  const barMax = WIDTH - labelWidth - 40;
  for (const r of report.parties.rows) {
    const y = pdf.y;
    pdf
      .font("Body")
      .fontSize(8)
      .text(rowLabel(r.minutes, lang), MARGIN, y + 2, { width: labelWidth });
    const w = Math.max(1, (r.count / total) * barMax);
    pdf.rect(MARGIN + labelWidth, y, w, 11).fill("#1c7ed6");
    pdf.fillColor("black").text(String(r.count), MARGIN + labelWidth + w + 4, y + 2);
    pdf.y = y + 15;
  }
  pdf.x = MARGIN;
  pdf.moveDown();

  pdf.font("Bold").fontSize(11).text(t.byContactPoint, MARGIN);
  pdf.moveDown(0.3);
  report.contactPoints.rows.forEach((r, i) => {
    pdf
      .font("Body")
      .fontSize(10)
      .text(rowLine(r, i, t.contactPoints, lang));
  });
  pdf.text(`${t.unanswered}: ${report.contactPoints.unanswered} ${t.contactPoints}`);
  pdf.moveDown();

  pdf.font("Bold").fontSize(11).text(t.none);
  pdf.moveDown(0.3);
  pdf
    .font("Body")
    .fontSize(10)
    .text(
      report.nonResponders.length
        ? report.nonResponders.map((p) => `${lang === "fr" ? p.nameFr : p.nameEn} (${p.party})`).join(", ")
        : t.noneEmpty,
      { width: WIDTH },
    );
  pdf.moveDown();

  pdf.font("Bold").fontSize(11).text(t.details);
  pdf.moveDown(0.3);
  for (const c of report.contactPointResults) {
    const answer =
      c.responseSeconds === null
        ? t.unanswered
        : `${minutesOf(c.responseSeconds)} min (${c.via ? t.via[c.via] : ""}${c.answeredBy ? `, ${c.answeredBy}` : ""})`;
    pdf
      .font("Body")
      .fontSize(8)
      .text(`${c.party} · ${c.institution} · ${c.localArrival ?? "—"} ${c.timeZone} · ${answer}`, { width: WIDTH });
  }
  pdf.end();
  return done;
}
