import { describe, expect, it } from "vitest";
import { kindSpec, NOTIFICATION_KIND_NAMES } from "../../shared/notification-kinds";
import { EMAIL_KINDS, renderEmail } from "./email-text";

describe("e-mail texts", () => {
  it("exist in English and French for every kind whose default includes e-mail", () => {
    const params = {
      version: "2026-12",
      party: "RO",
      decision: "accepted",
      stale: 1,
      missing: 0,
      fingerprint: "99AA 99BB",
      expiresOn: "2027-01-31",
      number: "2026-000042",
      minutes: 60,
      state: "acknowledged",
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
});
