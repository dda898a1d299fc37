import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { docxParagraphs, pdfPages } from "../../../test/harness/document-text";
import { signedIn, type TestClient } from "../../../test/harness/http";
import { buildApp } from "../app";
import { ManualClock } from "../clock";
import type { AppContext } from "../context";
import { loadDemoPlenaryHistory } from "../demo/plenary-history";
import { loadDemoNetwork } from "../demo/seed";

// Journey 6: the Secretariat's report to the 31st T-CY plenary (December 2024), made from the demo
// network's data for June–November 2024, reads as the source documents (shared/seeds/000, 001).

let ctx: AppContext;
let app: FastifyInstance;
let secretariat: TestClient;
let officer: TestClient;
const clock = new ManualClock("2026-11-23T09:00:00Z");
const PERIOD = "from=2024-06-01&to=2024-11-30";

/** The source documents' figures, in the report's words. */
const FIGURES = [
  "Parties with contact points: 76",
  "Parties with more than 1 contact point: 12",
  "Police: 65",
  "Prosecution: 16",
  "Ministry of Justice: 4",
  "Security services: 3",
  "Cybersecurity: 2",
  "12 updated versions shared with the Network (Albania, Benin, Bulgaria, Cameroon, Côte d'Ivoire, Croatia, Fiji, Finland, Georgia, Italy, Kiribati, North Macedonia, Peru, Philippines, Spain)",
  "Côte d'Ivoire: new contact point at National Police, INTERPOL National Central Bureau (BCN-Interpol Abidjan)",
  "Benin: joined the directory",
  "Kiribati: new contact point at Kiribati Police Service (Criminal Investigation Division - Interpol)",
  "Kiribati: new contact point at Kiribati Police Service (Cybercrime Unit)",
  "Fiji: new contact point at Office of the Director of Public Prosecutions (International Cooperation Desk)",
  "Results of the latest “ping” test (7 June 2023)",
  "Less than 15 minutes: 24 Parties",
  "Less than 30 minutes: +11 = 35 Parties",
  "Less than 60 minutes: +7 = 42 Parties",
  "Less than 12 hours: +17 = 59 Parties",
  "Less than 24 hours: +2 = 61 Parties",
  "Less than 48 hours: +4 = 65 Parties",
  "Less than 3 days: +2 = 67 Parties",
  "Less than 6 days: +1 = 68 Parties",
  "Annual meeting of the 24/7 Network (EUROPOL, The Hague, 18 October 2024)",
  "Participation: 94 delegates (81 in person and 13 online), representing 59 countries (48 Parties and 11 Observers) and 4 international organisations",
  "Support to the establishment of the 24/7 contact point",
  "Responsibilities, regulations, templates, internal cooperation and promotion, training (Ecuador, Kiribati, Cameroon, Grenada)",
  "Study visit of the 24/7 contact point of Ecuador to the Dominican Republic",
  "55/76 Parties provided input",
  "More capacity building needed, including on additional functions under the Second Protocol",
];

/** The text as read, lines joined (a word broken at its hyphen joined again). */
const flat = (s: string) => s.replace(/-\n/g, "-").replace(/\s+/g, " ");

beforeAll(async () => {
  ctx = testContext(await testDatabase(), clock);
  await loadDemoNetwork(ctx);
  expect(await loadDemoPlenaryHistory(ctx)).toBe(true);
  app = await buildApp(ctx);
  ({ c: secretariat } = await signedIn(app, ctx, "desk@example.org", "secretariat", null));
  ({ c: officer } = await signedIn(app, ctx, "officer.es@example.org", "officer", "ES"));
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

describe("the plenary report", () => {
  it("computes the figures of the period from the data", async () => {
    const res = await secretariat.get(`/api/plenary/report?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const r = res.data;
    // The period has ended: its figures are read from the last version shared before its end.
    expect(r.contactPoints).toEqual({
      asOf: "2024-11.1",
      parties: 76,
      moreThanOne: 12,
      total: 90,
      byType: [
        { type: "police", count: 65 },
        { type: "prosecution", count: 16 },
        { type: "ministry_of_justice", count: 4 },
        { type: "security_service", count: 3 },
        { type: "cybersecurity", count: 2 },
      ],
    });
    expect(r.versions.count).toBe(12);
    expect(r.versions.parties).toHaveLength(15);
    // Latest developments are the new contact points, not the updated instructions.
    expect(new Set(r.developments.map((d: { iso2: string }) => d.iso2))).toEqual(new Set(["BJ", "CI", "FJ", "KI"]));
    expect(r.pings.rows.map((x: { count: number }) => x.count)).toEqual([24, 35, 42, 59, 61, 65, 67, 68]);
    expect(r.meeting.participation).toMatchObject({
      delegates: 94,
      inPerson: 81,
      online: 13,
      countries: 59,
      parties: 48,
      observers: 11,
      organisations: 4,
    });
    expect(r.capacityBuilding).toHaveLength(7);
    // The authorities directory as reported to the T-CY in December 2024 (001_83d282f8de6a906b.txt).
    expect(r.mlaProgress).toEqual({ provided: 55, total: 76 });
  });

  it("a period before any release or meeting says so, and the 2023 ping test is still the latest", async () => {
    const r = (await secretariat.get("/api/plenary/report?from=2023-06-01&to=2023-12-31")).data;
    expect(r.versions.count).toBe(0);
    expect(r.developments).toEqual([]);
    expect(r.meeting).toBeNull();
    expect(r.capacityBuilding).toEqual([]);
    expect(r.pings.firedAt.slice(0, 10)).toBe("2023-06-07");
  });

  it("prints the PDF with the source documents' figures and the conclusions written", async () => {
    const conclusions =
      "All Parties have established contact points, but not all are equally active\nMore capacity building needed, including on additional functions under the Second Protocol";
    const res = await secretariat.get(
      `/api/plenary/report/export?${PERIOD}&format=pdf&lang=en&conclusions=${encodeURIComponent(conclusions)}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toContain("vigil-plenary-2024-06-01-2024-11-30-en.pdf");
    const text = flat(
      pdfPages(res.rawPayload)
        .map((p) => p.text)
        .join("\n"),
    );
    for (const figure of FIGURES) expect(text).toContain(figure);
  });

  it("prints the DOCX in French with the same figures", async () => {
    const res = await secretariat.get(`/api/plenary/report/export?${PERIOD}&format=docx&lang=fr`);
    expect(res.statusCode).toBe(200);
    const text = flat(docxParagraphs(res.rawPayload).join(" "));
    for (const figure of [
      "Parties ayant un point de contact : 76",
      "Police : 65",
      "Moins de 30 minutes : +11 = 35 Parties",
      "Participation : 94 délégués (81 en présentiel et 13 en ligne), représentant 59 pays (48 Parties et 11 observateurs) et 4 organisations internationales",
      "12 versions mises à jour diffusées au réseau",
    ]) {
      expect(text).toContain(figure);
    }
  });

  it("refuses a bad period and anyone but the Secretariat", async () => {
    const bad = await secretariat.get("/api/plenary/report/export?from=2024-12-01&to=2024-06-01&format=pdf");
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.code).toBe("invalid_input");
    expect(
      (await secretariat.get("/api/plenary/report/export?from=2024-06-01&to=2024-11-30&format=odt")).statusCode,
    ).toBe(400);
    expect((await officer.get(`/api/plenary/report?${PERIOD}`)).statusCode).toBe(403);
  });
});
