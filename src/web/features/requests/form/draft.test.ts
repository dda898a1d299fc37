import type { TFunction } from "i18next";
import { describe, expect, it } from "vitest";
import { RequestContent } from "../../../../shared/requests";
import { remapPath } from "../../directory/formState";
import { DETAIL_LABELS } from "../detailLabels";
import { requestSchemaErrors, requestServerErrors } from "../issues";
import { DETAILS_SCHEMAS, detailFields, fieldsWithoutInput } from "./detailFields";
import { draftFromContent, draftToInput, emptyDraft, newIdentifier, type RequestDraft, withType } from "./draft";
import { hasField } from "./placement";

// Messages are keys here: what matters is which field gets which message.
const t = ((key: string) => key) as unknown as TFunction;
const ZONE = "America/Santiago";

function filled(): RequestDraft {
  const d = emptyDraft({ timeZone: ZONE });
  d.requestedParty = "RO";
  d.reference = "CL-2026-0042";
  d.requestingAuthority = {
    ...d.requestingAuthority,
    organisation: "Fiscalía Nacional",
    personInCharge: "Duty prosecutor",
    phone: "+99 2 555 0100",
    email: "duty@example.org",
    officeHours: "Mon–Fri 08:00–18:00",
  };
  d.confirmationContact = {
    ...d.confirmationContact,
    name: "Duty prosecutor",
    phone: "+99 2 555 0100",
    email: "duty@example.org",
  };
  d.handlingConditions.purpose = "Ransomware investigation RUC 2600123";
  d.details = {
    offence: "Ransomware (Art. 4 and 5)",
    facts: "Hospital systems encrypted.",
    dataToPreserve: "Connection logs",
    relationToOffence: "The attacker's address",
    custodian: "Provider example.org",
    necessity: "Logs are deleted after 30 days",
    mlaToFollow: true,
  };
  d.identifiers = [
    { ...newIdentifier("ip"), value: "192.0.2.10", observedAt: "2026-11-21T02:14", timeZone: "Europe/Bucharest" },
  ];
  return d;
}

describe("request form state", () => {
  it("gives the shared schema a request it accepts", () => {
    const parsed = RequestContent.safeParse(draftToInput(filled(), ZONE).input);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.requestingAuthority.phone).toBe("+9925550100");
    expect(parsed.data.identifiers[0]).toMatchObject({ kind: "ip", port: null, timeZone: "Europe/Bucharest" });
    expect(parsed.data.parent).toBeNull();
  });

  it("refuses an IP time without a zone, on the zone field of the row on screen", () => {
    const d = filled();
    const row = d.identifiers[0];
    if (!row) throw new Error("no row");
    d.identifiers = [newIdentifier("email"), { ...row, timeZone: "" }];
    const { input, maps } = draftToInput(d, ZONE);
    const result = RequestContent.safeParse(input);
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = requestSchemaErrors(t, result.error);
    expect(errors["identifiers.0.timeZone"]).toBe("requests.validation.ipTimeZone");
    // The blank e-mail row above is not sent: the error belongs to the second row on screen.
    expect(remapPath("identifiers.0.timeZone", maps)).toBe("identifiers.1.timeZone");
    expect(hasField("identifiers.1.timeZone", d)).toBe(true);
  });

  it("words the server's issues on the form's paths", () => {
    expect(
      requestServerErrors(t, [
        {
          path: "body.identifiers.0.timeZone",
          message: "Give the time zone of the date and time (an IP address without it identifies no one)",
        },
        { path: "body.requestingAuthority.email", message: "Invalid e-mail address" },
        { path: "body.parent.relation", message: "A preservation request cannot be a follow_up" },
        { path: "body.requestedParty", message: "Transfers to this Party are suspended" },
      ]),
    ).toEqual({
      "identifiers.0.timeZone": "requests.validation.ipTimeZone",
      "requestingAuthority.email": "directory.validation.email",
      "parent.relation": "requests.validation.relation",
      requestedParty: "Transfers to this Party are suspended",
    });
  });

  it("requires the Article 29(2) commitment and a well-ordered period", () => {
    const d = filled();
    d.details = { ...d.details, mlaToFollow: false, period: { from: "2026-11-20", to: "2026-11-01" } };
    const result = RequestContent.safeParse(draftToInput(d, ZONE).input);
    expect(result.success).toBe(false);
    if (result.success) return;
    const errors = requestSchemaErrors(t, result.error);
    expect(errors["details.mlaToFollow"]).toBe("requests.validation.mlaToFollow");
    expect(errors["details.period.to"]).toBe("requests.validation.period");
    expect(hasField("details.period.to", d)).toBe(true);
  });

  it("reads the answer deadline in the sender's zone and back", () => {
    const d = withType(filled(), "emergency_disclosure");
    expect(d.emergency).toBe(true);
    d.answerNeededBy = "2026-11-21T06:00";
    const input = draftToInput(d, ZONE).input as { answerNeededBy: string };
    // Santiago is at UTC−3 in November (summer time).
    expect(input.answerNeededBy).toBe("2026-11-21T09:00:00.000Z");
    const back = draftFromContent(
      input as unknown as Record<string, unknown>,
      { type: "preservation", requestedParty: null, timeZone: ZONE },
      ZONE,
    );
    expect(back.answerNeededBy).toBe("2026-11-21T06:00");
    expect(back.type).toBe("emergency_disclosure");
  });

  it("reads a saved draft back into the same form", () => {
    const d = filled();
    const { input } = draftToInput(d, ZONE);
    const back = draftFromContent(
      input as unknown as Record<string, unknown>,
      { type: "other", requestedParty: null, timeZone: ZONE },
      ZONE,
    );
    expect(draftToInput(back, ZONE).input).toEqual(input);
  });

  it("drops a relation the new type cannot have", () => {
    const d = {
      ...filled(),
      parent: { relation: "extension" as const, requestId: "00000000-0000-4000-8000-000000000001" },
    };
    expect(withType(d, "preservation").parent.relation).toBe("extension");
    expect(withType(d, "technical_advice").parent).toEqual({ relation: "", requestId: "" });
  });
});

describe("per-type details", () => {
  it("has an input and a label for every field of every details schema", () => {
    expect(fieldsWithoutInput()).toEqual([]);
    const names = new Set(Object.values(DETAILS_SCHEMAS).flatMap((s) => Object.keys(s.shape)));
    expect([...names].filter((n) => !DETAIL_LABELS[n])).toEqual([]);
  });
  it("reads from the schema which fields are required", () => {
    const byName = Object.fromEntries(detailFields("subscriber_information").map((f) => [f.name, f.required]));
    expect(byName).toMatchObject({ offence: true, investigativeAuthority: false, legalBasis: true, neededBy: false });
    const preservation = Object.fromEntries(detailFields("preservation").map((f) => [f.name, f.required]));
    expect(preservation).toMatchObject({ period: false, mlaToFollow: true });
  });
});
