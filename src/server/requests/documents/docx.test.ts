import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { docxParagraphs, missingInOrder } from "../../../../test/harness/document-text";
import { renderRequestDocx } from "./docx";
import { requestLayout } from "./layout";
import { readingOrder, sampleInput } from "./sample";

function part(docx: Buffer, name: string): string {
  const file = unzipSync(new Uint8Array(docx))[name];
  if (!file) throw new Error(`${name} is missing`);
  return new TextDecoder().decode(file);
}

const FOOTERS = /^word\/footer\d*\.xml$/;
const HEADERS = /^word\/header\d*\.xml$/;

describe("renderRequestDocx", () => {
  it("writes a preservation request in English: every line of the layout, in order", async () => {
    const input = sampleInput("preservation", "en");
    const docx = await renderRequestDocx(input);
    const paragraphs = docxParagraphs(docx);
    expect(missingInOrder(paragraphs.join("\n"), readingOrder(requestLayout(input)))).toEqual([]);
    // Headings are paragraphs of their own, in the templates' order.
    const headings = paragraphs.filter((p) => /^\d+\. /.test(p));
    expect(headings).toEqual([
      "1. Date and reference",
      "2. Request status",
      "3. Requested authority",
      "4. Requesting authority",
      "5. Contact for confirmation",
      "6. Particulars of the request (Article 29(2))",
      "7. Identifiers",
      "8. Handling conditions",
      "9. Legal basis",
    ]);
    // The IP address with its time, zone and port share one table row.
    expect(
      missingInOrder(paragraphs.join("\n"), [
        "192.0.2.10",
        "2026-11-21 02:14:09",
        "(UTC 2026-11-21 01:14:09)",
        "Europe/Paris",
        "51234",
        "Confidential: do not notify the subscriber or account holder",
        "Budapest Convention, Article 29",
      ]),
    ).toEqual([]);
    const xml = part(docx, "word/document.xml");
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml).toContain('w:w="11906" w:h="16838"');
    // The handling conditions are tinted: five rows of two cells.
    expect(xml.match(/w:fill="FDF3D8"/g)).toHaveLength(10);
  });

  it("writes French labels, in French, with the footer's page fields and the confidentiality note", async () => {
    const input = sampleInput("preservation", "fr");
    const docx = await renderRequestDocx(input);
    const paragraphs = docxParagraphs(docx);
    expect(missingInOrder(paragraphs.join("\n"), readingOrder(requestLayout(input)))).toEqual([]);
    for (const label of [
      "Demande de conservation rapide de données informatiques stockées (article 29)",
      "4. Autorité requérante",
      "Horaires de bureau et fuseau horaire",
      "5. Personne à contacter pour confirmation",
      "a) Autorité qui demande la conservation",
      "f) Demande d'entraide à venir",
      "Fuseau horaire",
      "Uniquement avec l'autorisation préalable de l'autorité requérante",
      "Convention de Budapest, article 29",
    ]) {
      expect(paragraphs).toContain(label);
    }
    expect(part(docx, "word/styles.xml")).toContain('w:val="fr-FR"');
    const footer = docxParagraphs(docx, FOOTERS);
    expect(footer[0]).toMatch(/^Confidentiel : réservé aux points de contact 24\/7/);
    // The page numbers are Word fields, computed when the document is opened or printed.
    expect(footer[1]).toBe("Vigil · XA-2026-00042 · page  sur ");
    const footerXml = Object.keys(unzipSync(new Uint8Array(docx)))
      .filter((n) => FOOTERS.test(n))
      .map((n) => part(docx, n))
      .join("");
    expect(footerXml).toMatch(/PAGE[\s\S]*NUMPAGES/);
    expect(() => docxParagraphs(docx, HEADERS)).toThrow(/No part/);
  });

  it("puts the emergency mark first and in the header of every page", async () => {
    for (const [locale, mark] of [
      ["en", "EMERGENCY — Second Additional Protocol, Article 9"],
      ["fr", "URGENCE — Deuxième Protocole additionnel, article 9"],
    ] as const) {
      const input = sampleInput("emergency_disclosure", locale);
      const docx = await renderRequestDocx(input);
      const paragraphs = docxParagraphs(docx);
      expect(paragraphs[0]).toBe(mark);
      expect(docxParagraphs(docx, HEADERS)).toContain(mark);
      expect(missingInOrder(paragraphs.join("\n"), readingOrder(requestLayout(input)))).toEqual([]);
    }
  });

  it("writes a subscriber information request, and a draft marked as not sent", async () => {
    const input = sampleInput("subscriber_information", "en", { state: "draft", sentAt: null });
    const docx = await renderRequestDocx(input);
    const paragraphs = docxParagraphs(docx);
    expect(paragraphs[0]).toBe("DRAFT — not sent");
    expect(docxParagraphs(docx, HEADERS)).toContain("DRAFT — not sent");
    expect(missingInOrder(paragraphs.join("\n"), readingOrder(requestLayout(input)))).toEqual([]);
    expect(paragraphs).toContain("6. Authorities in charge and domestic legal basis");
    expect(paragraphs).toContain("Code of Criminal Procedure of Xandia, article 151");
    // A value's own line breaks stay line breaks.
    expect(paragraphs.join("\n")).toContain("Address\n1 Sample Street\n1000 Xandia City");
  });
});
