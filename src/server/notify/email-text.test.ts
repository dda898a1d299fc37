import { describe, expect, it } from "vitest";
import { kindSpec, NOTIFICATION_KIND_NAMES } from "../../shared/notification-kinds";
import { EMAIL_KINDS, renderEmail } from "./email-text";

describe("e-mail texts", () => {
  it("exist in English and French for every kind whose default includes e-mail", () => {
    const params = {
      version: "2026-12",
      party: "RO",
      stale: 1,
      missing: 0,
      fingerprint: "99AA 99BB",
      expiresOn: "2027-01-31",
      number: "2026-000042",
      minutes: 60,
      state: "acknowledged",
      from: "RO",
      to: "CL",
      decision: "accepted",
    };
    for (const kind of NOTIFICATION_KIND_NAMES.filter((k) => kindSpec(k).defaults.email)) {
      expect(EMAIL_KINDS.has(kind), kind).toBe(true);
      const en = renderEmail(kind, params, "/somewhere", "en", "https://vigil.example.org");
      const fr = renderEmail(kind, params, "/somewhere", "fr", "https://vigil.example.org");
      expect(en.subject, kind).toMatch(/^\[Vigil\] \S/);
      expect(fr.subject, kind).not.toBe(en.subject);
      expect(`${en.text}${fr.text}`, kind).not.toMatch(/undefined|null/);
      expect(en.text).toContain("https://vigil.example.org/somewhere");
    }
  });

  it("say that a request is urgent without saying what it is about", () => {
    const urgent = renderEmail(
      "request.received",
      { urgent: 1, number: "2026-000042", party: "CL" },
      "/requests/x",
      "en",
      "https://vigil.example.org",
    );
    expect(urgent.subject).toBe("[Vigil] EMERGENCY request 2026-000042");
    // The requesting Party stays in Vigil: a mailbox outside it learns only that something waits.
    expect(urgent.text).not.toMatch(/Chile|CL\b/);
    const normal = renderEmail(
      "request.received",
      { number: "2026-000043" },
      "/requests/x",
      "fr",
      "https://vigil.example.org",
    );
    expect(normal.subject).toBe("[Vigil] Nouvelle demande 2026-000043");
  });

  it("say an incident affects the reader's Party, and where to read it: nothing of what happened", () => {
    for (const locale of ["en", "fr"] as const) {
      const mail = renderEmail(
        "incident.recorded",
        { party: "RO" },
        "/data-protection/incidents/0b9d3a52-8d0b-4f0e-9a57-3f6f1f2b6a11",
        locale,
        "https://vigil.example.org",
      );
      expect(mail.text).toContain(
        "https://vigil.example.org/data-protection/incidents/0b9d3a52-8d0b-4f0e-9a57-3f6f1f2b6a11",
      );
      // The text is fixed: no parameter reaches it, so no detail of the incident can.
      expect(mail).toEqual(
        renderEmail(
          "incident.recorded",
          { party: "CL", title: "Leaked password", description: "x" },
          "/data-protection/incidents/0b9d3a52-8d0b-4f0e-9a57-3f6f1f2b6a11",
          locale,
          "https://vigil.example.org",
        ),
      );
    }
  });
});
