import { describe, expect, it } from "vitest";
import { z } from "zod";
import { REQUEST_TYPE_INFO, REQUEST_TYPES, RequestContent, type RequestType } from "../../../shared/requests";
import { basisLabel, DOCUMENT_LABELS, formatDay, formatInstant } from "./labels";
import { observedTime, type RequestLayout, requestLayout } from "./layout";
import { readingOrder, sampleInput } from "./sample";

/** The request fields a schema option holds, as paths: "reference", "details.offence"… */
function fieldPaths(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape).flatMap(([key, value]) =>
    value instanceof z.ZodObject ? fieldPaths(value).map((p) => `${key}.${p}`) : [key],
  );
}

function shownFields(layout: RequestLayout): Set<string> {
  return new Set(layout.sections.flatMap((s) => [...s.rows.flatMap((r) => r.fields), ...(s.table?.fields ?? [])]));
}

function allText(layout: RequestLayout): string {
  return layout.sections
    .flatMap((s) => [s.heading, ...s.rows.flatMap((r) => [r.label, r.value]), ...(s.table?.rows.flat() ?? [])])
    .join("\n");
}

const row = (layout: RequestLayout, label: string) =>
  layout.sections.flatMap((s) => s.rows).find((r) => r.label === label)?.value;

describe("requestLayout", () => {
  it("shows every field of every type's schema, in both languages", () => {
    const options = RequestContent.options;
    expect(options.map((o) => o.shape.type.value).sort()).toEqual([...REQUEST_TYPES].sort());
    for (const option of options) {
      const type = option.shape.type.value as RequestType;
      const paths = fieldPaths(option);
      // The details are walked into: a schema change that hid them would make this test vacuous.
      expect(paths.filter((p) => p.startsWith("details.")).length, type).toBeGreaterThan(1);
      for (const locale of ["en", "fr"] as const) {
        const layout = requestLayout(sampleInput(type, locale));
        const shown = shownFields(layout);
        expect(
          paths.filter((p) => !shown.has(p)),
          `${type} (${locale}): fields missing from the document`,
        ).toEqual([]);
        // And the values themselves, not only a row claiming them.
        const text = allText(layout);
        const content = sampleInput(type, locale).content;
        for (const [key, value] of Object.entries(content.details)) {
          if (typeof value !== "string" || value === "") continue;
          // Calendar dates are written out in the document's language.
          const shown = /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value, locale) : value;
          expect(text, `${type}.details.${key}`).toContain(shown);
        }
      }
    }
  });

  it("follows the order of the T-CY templates, numbering the sections", () => {
    const ids = (type: RequestType) => requestLayout(sampleInput(type, "en")).sections.map((s) => s.id);
    const opening = ["date", "status", "requested", "requesting", "confirmation"];
    const closing = ["identifiers", "handling", "basis"];
    expect(ids("preservation")).toEqual([...opening, "substance", ...closing]);
    expect(ids("subscriber_information")).toEqual([...opening, "authorities", "substance", ...closing]);
    expect(ids("emergency_disclosure")).toEqual([...opening, "substance", ...closing]);
    expect(requestLayout(sampleInput("subscriber_information", "fr")).sections.map((s) => s.heading)).toEqual([
      "1. Date et référence",
      "2. Statut de la demande",
      "3. Autorité requise",
      "4. Autorité requérante",
      "5. Personne à contacter pour confirmation",
      "6. Autorités compétentes et base juridique nationale",
      "7. Objet de la demande",
      "8. Identifiants",
      "9. Conditions de traitement",
      "10. Base juridique",
    ]);
  });

  it("lists the particulars of a preservation request in the order of Article 29(2), (a) to (f)", () => {
    const layout = requestLayout(sampleInput("preservation", "en"));
    const substance = layout.sections.find((s) => s.id === "substance")!;
    expect(substance.heading).toBe("6. Particulars of the request (Article 29(2))");
    const letters = substance.rows.map((r) => /^\(([a-f])\)/.exec(r.label)?.[1]).filter(Boolean);
    expect(letters).toEqual(["a", "b", "b", "c", "c", "d", "e", "f"]);
    expect(substance.rows[0]).toMatchObject({
      label: "(a) Authority seeking the preservation",
      value: "Xandia Police, National Cybercrime Unit",
    });
    expect(row(layout, "(f) Request for mutual assistance to follow")).toMatch(
      /^The requesting Party intends to submit/,
    );
    expect(row(layout, "Period the data cover")).toBe("from 1 November 2026 to 21 November 2026");
    const fr = requestLayout(sampleInput("preservation", "fr"));
    expect(fr.title).toBe("Demande de conservation rapide de données informatiques stockées (article 29)");
    expect(row(fr, "Période couverte par les données")).toBe("du 1er novembre 2026 au 21 novembre 2026");
  });

  it("gives the request status: new, extension of or follow-up to an earlier request", () => {
    const parentId = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
    expect(row(requestLayout(sampleInput("preservation", "en")), "Status")).toBe("New request");
    const extension = sampleInput("preservation", "fr", {
      parent: { number: "XA-2026-00007", relation: "extension" },
      content: { parent: { requestId: parentId, relation: "extension" } },
    });
    expect(row(requestLayout(extension), "Statut")).toBe("Prolongation de la demande XA-2026-00007");
    const followUp = sampleInput("subscriber_information", "en", {
      parent: { number: "XA-2026-00007", relation: "follow_up" },
      content: { parent: { requestId: parentId, relation: "follow_up" } },
    });
    expect(row(requestLayout(followUp), "Status")).toBe("Follow-up to request XA-2026-00007");
    expect(row(requestLayout({ ...followUp, locale: "fr" }), "Statut")).toBe("Suite donnée à la demande XA-2026-00007");
  });

  it("marks emergencies with the Protocol article, and drafts as not sent", () => {
    expect(requestLayout(sampleInput("emergency_disclosure", "en")).banner).toBe(
      "EMERGENCY — Second Additional Protocol, Article 9",
    );
    expect(requestLayout(sampleInput("emergency_disclosure", "fr")).banner).toBe(
      "URGENCE — Deuxième Protocole additionnel, article 9",
    );
    expect(requestLayout(sampleInput("emergency_mutual_assistance", "en")).banner).toBe(
      "EMERGENCY — Second Additional Protocol, Article 10",
    );
    // An emergency under the Convention itself has no Protocol article to cite.
    expect(requestLayout(sampleInput("preservation", "en", { content: { emergency: true } })).banner).toBe("EMERGENCY");
    const ordinary = requestLayout(sampleInput("preservation", "en"));
    expect(ordinary.banner).toBeNull();
    expect(ordinary.draft).toBeNull();
    expect(row(ordinary, "Urgency")).toBe("Not an emergency");

    const draft = requestLayout(sampleInput("preservation", "en", { state: "draft", sentAt: null }));
    expect(draft.draft).toBe("DRAFT — not sent");
    expect(row(draft, "Date of the request")).toBe("Not sent (draft of 21 November 2026, 09:10 (Europe/Paris))");
    expect(row(draft, "Processing state in Vigil")).toBe("Draft (not sent)");
  });

  it("marks a training exercise before anything else, in both languages", () => {
    const en = requestLayout(sampleInput("emergency_disclosure", "en", { content: { exercise: true } }));
    expect(en.exercise).toBe("TRAINING EXERCISE — not a real request");
    expect(row(en, "Exercise")).toBe("Training exercise: not a real request");
    expect(readingOrder(en)[0]).toBe("TRAINING EXERCISE — not a real request");
    const fr = requestLayout(sampleInput("preservation", "fr", { content: { exercise: true } }));
    expect(fr.exercise).toBe("EXERCICE DE FORMATION — pas une demande réelle");
    const real = requestLayout(sampleInput("preservation", "en"));
    expect(real.exercise).toBeNull();
    expect(row(real, "Exercise")).toBe("Real request (not an exercise)");
  });

  it("dates the request and its deadline in the requesting authority's time zone", () => {
    const layout = requestLayout(sampleInput("emergency_disclosure", "en"));
    expect(row(layout, "Date of the request")).toBe("21 November 2026, 09:30 (Europe/Paris)");
    expect(row(layout, "Answer needed by")).toBe("21 November 2026, 12:00 (Europe/Paris)");
    // Without a date from the sender, an emergency is due 24 hours after sending.
    const noDate = sampleInput("emergency_disclosure", "en", { content: { answerNeededBy: null } });
    expect(row(requestLayout(noDate), "Answer needed by")).toBe("22 November 2026, 09:30 (Europe/Paris)");
    expect(
      row(requestLayout({ ...noDate, state: "draft", sentAt: null, locale: "fr" }), "Réponse requise avant le"),
    ).toBe("Dans les 24 heures suivant l'envoi");
    expect(row(requestLayout(sampleInput("preservation", "en")), "Answer needed by")).toBe("Not stated");
    const tokyo = requestLayout(
      sampleInput("emergency_disclosure", "fr", {
        content: {
          requestingAuthority: {
            ...sampleInput("preservation", "en").content.requestingAuthority,
            timeZone: "Asia/Tokyo",
          },
        },
      }),
    );
    expect(row(tokyo, "Date de la demande")).toBe("21 novembre 2026 à 17:30 (Asia/Tokyo)");
    expect(row(tokyo, "Horaires de bureau et fuseau horaire")).toBe(
      "Mon–Fri 08:00–18:00; duty officer on the mobile at other times (Asia/Tokyo)",
    );
  });

  it("puts IP addresses in a table with date, time, time zone, the UTC instant and the source port", () => {
    const layout = requestLayout(sampleInput("preservation", "en"));
    const table = layout.sections.find((s) => s.id === "identifiers")!.table!;
    expect(table.columns).toEqual(["Type", "Identifier", "Date and time", "Time zone", "Source port", "Details"]);
    expect(table.rows).toEqual([
      [
        "IP address",
        "192.0.2.10",
        "2026-11-21 02:14:09\n(UTC 2026-11-21 01:14:09)",
        "Europe/Paris",
        "51234",
        "Behind carrier-grade NAT",
      ],
      ["IP address", "2001:db8::1", "2026-11-20 23:05:00\n(UTC 2026-11-21 04:05:00)", "UTC-05:00", "—", "—"],
      ["Account or user name", "shadow_trader", "—", "—", "—", "Service: ExampleChat"],
      ["E-mail address", "suspect@example.org", "—", "—", "—", "—"],
    ]);
    const none = requestLayout(sampleInput("technical_advice", "fr", { content: { identifiers: [] } }));
    const identifiers = none.sections.find((s) => s.id === "identifiers")!;
    expect(identifiers.table).toBeNull();
    expect(identifiers.rows).toEqual([{ label: "Identifiants", value: "Aucun", fields: ["identifiers"] }]);
  });

  it("prints the handling conditions prominently, each value in words", () => {
    const layout = requestLayout(
      sampleInput("subscriber_information", "fr", {
        content: {
          handlingConditions: {
            purpose: "Enquête NCU-2026-117",
            useLimits: "",
            onwardSharing: "prohibited",
            confidential: false,
            sensitive: true,
          },
        },
      }),
    );
    const handling = layout.sections.find((s) => s.id === "handling")!;
    expect(handling.prominent).toBe(true);
    expect(layout.sections.filter((s) => s.prominent)).toHaveLength(1);
    expect(handling.rows.map((r) => [r.label, r.value])).toEqual([
      ["Finalité (enquête ou procédure)", "Enquête NCU-2026-117"],
      ["Limites d'utilisation", "Aucune limite autre que la finalité indiquée"],
      [
        "Transfert ultérieur",
        "Interdit : les données ne peuvent être transmises à aucun autre État, organisation ou autorité",
      ],
      ["Confidentialité", "Pas de confidentialité demandée : l'abonné peut être informé"],
      [
        "Données sensibles",
        "Comprend des catégories particulières de données à caractère personnel : accès réservé aux personnes chargées de la demande",
      ],
    ]);
    // Optional fields left empty say so, rather than leaving a blank the reader may take for a gap.
    expect(row(layout, "Autorité chargée de l'enquête (si elle est différente)")).toBe("Non précisé");
    expect(row(layout, "Télécopie")).toBe("Non précisé");
  });

  it("closes with the legal basis of the type, translated", () => {
    for (const type of REQUEST_TYPES) {
      const en = requestLayout(sampleInput(type, "en"));
      const fr = requestLayout(sampleInput(type, "fr"));
      expect(en.sections.at(-1)!.rows[0]!.value).toBe(REQUEST_TYPE_INFO[type].basis);
      expect(fr.sections.at(-1)!.rows[0]!.value).not.toMatch(
        /Budapest Convention|Second Additional|\bProtocol\b|\bArticle\b/,
      );
    }
    expect(basisLabel("Budapest Convention, Article 35(1)(a)", "fr")).toBe(
      "Convention de Budapest, article 35, paragraphe 1, alinéa a",
    );
    expect(basisLabel("Second Additional Protocol, Article 10", "fr")).toBe(
      "Deuxième Protocole additionnel, article 10",
    );
  });
});

describe("labels", () => {
  it("translates every label: French strings differ from English except words both languages share", () => {
    const same: string[] = [];
    const walk = (en: unknown, fr: unknown, path: string) => {
      if (typeof en === "string") {
        expect(typeof fr, path).toBe("string");
        if (en === fr) same.push(path);
      } else if (typeof en === "function") {
        if ((en as (...a: string[]) => string)("1", "2", "3") === (fr as (...a: string[]) => string)("1", "2", "3"))
          same.push(path);
      } else if (en && typeof en === "object") {
        for (const key of Object.keys(en)) walk((en as never)[key], (fr as never)[key], `${path}.${key}`);
      }
    };
    walk(DOCUMENT_LABELS.en, DOCUMENT_LABELS.fr, "");
    expect(same.sort()).toEqual([".identifierColumns.kind", ".identifierKinds.url", ".utc"]);
  });

  it("writes dates as each language does", () => {
    expect(formatDay("2026-11-01", "en")).toBe("1 November 2026");
    expect(formatDay("2026-11-01", "fr")).toBe("1er novembre 2026");
    expect(formatDay("2026-11-21", "fr")).toBe("21 novembre 2026");
    expect(formatInstant(new Date("2026-07-01T22:30:00Z"), "Europe/Paris", "en")).toBe(
      "2 July 2026, 00:30 (Europe/Paris)",
    );
  });
});

describe("observedTime", () => {
  it("turns a local time and its zone into the UTC instant, in winter and in summer", () => {
    expect(observedTime("2026-01-15T10:00", "Europe/Paris")).toEqual({
      local: "2026-01-15 10:00",
      zone: "Europe/Paris",
      utc: ["2026-01-15 09:00"],
    });
    expect(observedTime("2026-07-15T10:00:30", "Europe/Paris").utc).toEqual(["2026-07-15 08:00:30"]);
    expect(observedTime("2026-07-15T10:00", "America/Sao_Paulo").utc).toEqual(["2026-07-15 13:00"]);
  });

  it("uses an offset given with the time, and names the zone beside it", () => {
    expect(observedTime("2026-11-20T23:05:00-05:00", null)).toEqual({
      local: "2026-11-20 23:05:00",
      zone: "UTC-05:00",
      utc: ["2026-11-21 04:05:00"],
    });
    expect(observedTime("2026-11-20T23:05Z", null)).toMatchObject({ zone: "UTC", utc: ["2026-11-20 23:05"] });
    expect(observedTime("2026-11-20T23:05:00.250+05:30", "Asia/Kolkata")).toMatchObject({
      zone: "Asia/Kolkata (UTC+05:30)",
      utc: ["2026-11-20 17:35:00"],
    });
  });

  it("gives both instants for a time the clocks pass twice, and none for a time they skip", () => {
    // Central Europe: clocks go back at 03:00 on 25 October 2026 and forward at 02:00 on 29 March.
    expect(observedTime("2026-10-25T02:30", "Europe/Paris").utc).toEqual(["2026-10-25 00:30", "2026-10-25 01:30"]);
    expect(observedTime("2026-03-29T02:30", "Europe/Paris").utc).toEqual([]);
    const table = (observedAt: string) =>
      requestLayout(
        sampleInput("preservation", "en", {
          content: { identifiers: [{ kind: "ip", value: "192.0.2.10", observedAt, timeZone: "Europe/Paris" }] },
        }),
      ).sections.find((s) => s.id === "identifiers")!.table!.rows[0]![2];
    expect(table("2026-10-25T02:30")).toBe(
      "2026-10-25 02:30\n(UTC 2026-10-25 00:30 or 2026-10-25 01:30: the clocks changed that night)",
    );
    expect(table("2026-03-29T02:30")).toBe("2026-03-29 02:30\n(this local time does not exist: the clocks changed)");
  });
});
