import { describe, expect, it } from "vitest";
import { missingInOrder, pdfPages } from "../../../../test/harness/document-text";
import type { RequestDocumentInput } from "./input";
import { requestLayout } from "./layout";
import { renderRequestPdf } from "./pdf";
import { readingOrder, sampleInput } from "./sample";

const flat = (s: string) => s.replace(/\s+/g, "");

/**
 * The text of a rendered request without what every page ends with (the emergency or draft mark
 * after the first page, the confidentiality note, the footer), checking that each page has them.
 */
async function render(input: RequestDocumentInput) {
  const layout = requestLayout(input);
  const pages = pdfPages(await renderRequestPdf(input));
  const body = pages
    .map((page, i) => {
      const marks = flat(
        [
          i > 0 ? [layout.banner, layout.draft].filter(Boolean).join(" · ") : "",
          layout.confidentialityNote,
          layout.footer(String(i + 1), String(pages.length)),
        ].join(""),
      );
      const text = flat(page.text);
      expect(text.endsWith(marks), `page ${i + 1} ends with its marks: ${page.text}`).toBe(true);
      return text.slice(0, text.length - marks.length);
    })
    .join("");
  return { layout, pages, body };
}

describe("renderRequestPdf", () => {
  it("prints a preservation request in English: every line of the layout, in order", async () => {
    const pdf = await renderRequestPdf(sampleInput("preservation", "en"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toContain("/MediaBox [0 0 595.28 841.89]");
    const { layout, body } = await render(sampleInput("preservation", "en"));
    expect(missingInOrder(body, readingOrder(layout))).toEqual([]);
    expect(
      missingInOrder(body, [
        "1. Date and reference",
        "2. Request status",
        "3. Requested authority",
        "4. Requesting authority",
        "Office hours and time zone",
        "5. Contact for confirmation",
        "6. Particulars of the request (Article 29(2))",
        "(a) Authority seeking the preservation",
        "(f) Request for mutual assistance to follow",
        "7. Identifiers",
        "192.0.2.10",
        "2026-11-21 02:14:09 (UTC 2026-11-21 01:14:09)",
        "Europe/Paris",
        "51234",
        "8. Handling conditions",
        "Only with the prior authorisation of the requesting authority",
        "Confidential: do not notify the subscriber or account holder",
        "9. Legal basis",
        "Budapest Convention, Article 29",
      ]),
    ).toEqual([]);
  });

  it("prints French labels, and on every page the footer and the confidentiality note", async () => {
    const { layout, pages, body } = await render(sampleInput("preservation", "fr"));
    expect(pages.length).toBeGreaterThan(1);
    expect(missingInOrder(body, readingOrder(layout))).toEqual([]);
    expect(
      missingInOrder(body, [
        "Demande de conservation rapide de données informatiques stockées (article 29)",
        "Date et référence",
        "Statut de la demande",
        "Nouvelle demande",
        "Autorité requise",
        "République de Yorvanie (XB)",
        "Autorité requérante",
        "Horaires de bureau et fuseau horaire",
        "Personne à contacter pour confirmation",
        "a) Autorité qui demande la conservation",
        "Identifiants",
        "Fuseau horaire",
        "Conditions de traitement",
        "Uniquement avec l'autorisation préalable de l'autorité requérante",
        "Confidentiel : ne pas informer l'abonné ou le titulaire du compte",
        "Base juridique",
        "Convention de Budapest, article 29",
      ]),
    ).toEqual([]);
    pages.forEach((page, i) => {
      expect(page.text).toContain(`Vigil · XA-2026-00042 · page ${i + 1} sur ${pages.length}`);
      expect(flat(page.text)).toContain(flat("Confidentiel : réservé aux points de contact 24/7"));
    });
  });

  it("marks an emergency on the first line and at the top of every later page", async () => {
    for (const [locale, mark] of [
      ["en", "EMERGENCY — Second Additional Protocol, Article 9"],
      ["fr", "URGENCE — Deuxième Protocole additionnel, article 9"],
    ] as const) {
      const { layout, pages, body } = await render(sampleInput("emergency_disclosure", locale));
      expect(pages.length).toBeGreaterThan(1);
      expect(pages[0]!.text.split("\n")[0]).toBe(mark);
      for (const page of pages.slice(1)) expect(page.text.split("\n")).toContain(mark);
      expect(missingInOrder(body, readingOrder(layout))).toEqual([]);
    }
    // A printed draft cannot be taken for a sent request (render checks the mark on later pages).
    const draft = await render(sampleInput("emergency_disclosure", "en", { state: "draft", sentAt: null }));
    expect(draft.pages[0]!.text.split("\n").slice(0, 2)).toEqual([
      "EMERGENCY — Second Additional Protocol, Article 9",
      "DRAFT — not sent",
    ]);
    expect(draft.body).toContain(flat("Not sent (draft of 21 November 2026, 09:10 (Europe/Paris))"));
    const ordinary = pdfPages(await renderRequestPdf(sampleInput("preservation", "en")));
    expect(ordinary.map((p) => p.text).join("\n")).not.toContain("EMERGENCY");
  });

  it("prints a subscriber information request with the authorities block before the substance", async () => {
    const input = sampleInput("subscriber_information", "en", {
      parent: { number: "XA-2026-00007", relation: "mla_follow_up" },
      content: { parent: { requestId: "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f", relation: "mla_follow_up" } },
    });
    const { layout, body } = await render(input);
    expect(missingInOrder(body, readingOrder(layout))).toEqual([]);
    expect(
      missingInOrder(body, [
        "Mutual legal assistance request for subscriber information (Article 31)",
        "Request for mutual assistance following request XA-2026-00007",
        "6. Authorities in charge and domestic legal basis",
        "Code of Criminal Procedure of Xandia, article 151",
        "7. Particulars of the request",
        "Subscriber information sought",
        "1 December 2026",
        "Budapest Convention, Article 31",
      ]),
    ).toEqual([]);
  });

  it("flows long text and a long identifier table over pages, repeating the column names", async () => {
    const facts = Array.from({ length: 160 }, (_, i) => `Fact ${i + 1} of the case, stated at length.`).join(" ");
    const identifiers = Array.from({ length: 50 }, (_, i) => ({
      kind: "ip",
      value: `198.51.100.${i + 1}`,
      port: 40000 + i,
      observedAt: `2026-11-20T${String(i % 24).padStart(2, "0")}:00`,
      timeZone: "America/Sao_Paulo",
    }));
    const input = sampleInput("preservation", "en", {
      content: { details: { ...sampleInput("preservation", "en").content.details, facts }, identifiers },
    });
    const { layout, pages, body } = await render(input);
    expect(missingInOrder(body, readingOrder(layout))).toEqual([]);
    expect(body).toContain(flat("Fact 160 of the case"));
    const withTable = pages.filter((p) => p.text.includes("198.51.100."));
    expect(withTable.length).toBeGreaterThan(1);
    for (const page of withTable) expect(flat(page.text)).toContain(flat("Type Identifier Date and time Time zone"));
    pages.forEach((page, i) => {
      expect(page.text).toContain(`Vigil · XA-2026-00042 · page ${i + 1} of ${pages.length}`);
    });
  });

  it("embeds its font, and prints the same request to the same bytes", async () => {
    const pdf = await renderRequestPdf(sampleInput("preservation", "fr"));
    const fonts = new Set(pdfPages(pdf).flatMap((p) => p.fonts));
    expect([...fonts].every((f) => /^[A-Z]{6}\+DejaVuSans/.test(f))).toBe(true);
    expect(pdf.equals(await renderRequestPdf(sampleInput("preservation", "fr")))).toBe(true);
    expect(pdf.toString("latin1")).toContain("/Lang (fr)");
  });
});
