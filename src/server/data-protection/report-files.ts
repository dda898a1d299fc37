import type { DataProtectionReport } from "../../shared/data-protection";
import { quote } from "../directory/formats/csv";
import { formatDay, formatInstant } from "../requests/documents/labels";
import { type PrintLayout, renderPdf } from "../requests/documents/pdf";

/**
 * The data-protection report as a file: CSV (one figure a line, for a spreadsheet or a national
 * register) and PDF (the request renderer's layout). EN/FR.
 */

type Locale = "en" | "fr";

/** Each line of the report: section, figure, value; the same order in both formats. */
function figures(r: DataProtectionReport, locale: Locale): [string, string, number][] {
  const F = locale === "fr";
  const s = {
    access: F ? "Registre des accès (art. 14, par. 8)" : "Access log (Art. 14(8))",
    requests: F ? "Demandes (art. 14, par. 5)" : "Requests (Art. 14(5))",
    onward: F ? "Transferts ultérieurs (art. 14, par. 10)" : "Onward transfers (Art. 14(10))",
    suspensions: F ? "Suspensions des transferts (art. 14, par. 15)" : "Suspensions of transfers (Art. 14(15))",
    incidents: F ? "Incidents de sécurité (art. 14, par. 7)" : "Security incidents (Art. 14(7))",
    copies: F ? "Copies (art. 14, par. 11 et 12)" : "Copies (Art. 14(11–12))",
  };
  return [
    [s.access, F ? "Consultations" : "Reads", r.access.reads],
    [s.access, F ? "Impressions et exports" : "Prints and exports", r.access.exports],
    [s.access, F ? "Pièces jointes téléchargées" : "Attachments downloaded", r.access.downloads],
    [s.access, F ? "Par l'autre Partie" : "By the other Party", r.access.byOtherParty],
    [s.access, F ? "Personnes distinctes" : "Distinct people", r.access.people],
    [s.requests, F ? "Envoyées" : "Sent", r.requests.sent],
    [s.requests, F ? "Reçues" : "Received", r.requests.received],
    [s.requests, F ? "Supprimées (conservation)" : "Purged (retention)", r.requests.purged],
    [s.onward, F ? "Demandés" : "Asked", r.onwardTransfers.asked],
    [s.onward, F ? "Autorisés" : "Authorised", r.onwardTransfers.authorised],
    [s.onward, F ? "Refusés" : "Refused", r.onwardTransfers.refused],
    [s.suspensions, F ? "Décidées par la Partie" : "Made by the Party", r.suspensions.byParty],
    [s.suspensions, F ? "Visant la Partie" : "Against the Party", r.suspensions.ofParty],
    [s.suspensions, F ? "Levées" : "Lifted", r.suspensions.lifted],
    [s.incidents, F ? "Enregistrés" : "Recorded", r.incidents.recorded],
    [s.incidents, F ? "Encore ouverts" : "Still open", r.incidents.open],
    [s.copies, F ? "Copies établies" : "Copies produced", r.copies.copies],
    [s.copies, F ? "Recherches d'une personne" : "Searches for a person", r.copies.personSearches],
  ];
}

function periodText(r: DataProtectionReport, locale: Locale): string {
  const day = (d: string | null, open: string) => (d ? formatDay(d, locale) : open);
  return locale === "fr"
    ? `du ${day(r.from, "début")} au ${day(r.to, "jour d'établissement")}`
    : `from ${day(r.from, "the start")} to ${day(r.to, "the day produced")}`;
}

export function reportCsv(r: DataProtectionReport, locale: Locale): string {
  const head =
    locale === "fr"
      ? ["partie", "du", "au", "rubrique", "chiffre", "valeur"]
      : ["party", "from", "to", "section", "figure", "value"];
  const lines = figures(r, locale).map(([section, figure, value]) =>
    [r.party.iso2, r.from ?? "", r.to ?? "", section, figure, String(value)].map(quote).join(","),
  );
  return `${[head.join(","), ...lines].join("\r\n")}\r\n`;
}

export function reportPdf(r: DataProtectionReport, locale: Locale): Promise<Buffer> {
  const F = locale === "fr";
  const title = F
    ? `Rapport relatif à la protection des données : ${r.party.nameFr} (${r.party.iso2})`
    : `Data-protection report: ${r.party.nameEn} (${r.party.iso2})`;
  const bySection = new Map<string, { label: string; value: string; fields: string[] }[]>();
  for (const [section, figure, value] of figures(r, locale)) {
    bySection.set(section, [...(bySection.get(section) ?? []), { label: figure, value: String(value), fields: [] }]);
  }
  const layout: PrintLayout = {
    locale,
    title,
    banner: null,
    draft: null,
    exercise: null,
    sections: [
      {
        heading: F ? "Période" : "Period",
        rows: [
          { label: F ? "Période" : "Period", value: periodText(r, locale), fields: [] },
          {
            label: F ? "Établi le" : "Produced",
            value: formatInstant(new Date(r.producedAt), "UTC", locale),
            fields: [],
          },
        ],
        table: null,
        prominent: false,
      },
      ...[...bySection].map(([heading, rows]) => ({ heading, rows, table: null, prominent: false })),
    ],
    confidentialityNote: F
      ? "Chiffres seulement : ce rapport ne contient aucun numéro de demande, nom ni identifiant."
      : "Figures only: this report holds no request number, name or identifier.",
    footer: (page, total) =>
      F
        ? `Vigil · rapport protection des données · page ${page} sur ${total}`
        : `Vigil · data-protection report · page ${page} of ${total}`,
    info: { title, subject: F ? "Protection des données" : "Data protection", date: new Date(r.producedAt) },
  };
  return renderPdf(layout);
}
