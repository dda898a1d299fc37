import { describe, expect, it } from "vitest";
import { redactSmtpSecrets, smtpServerLabel } from "./mail-status";

describe("SMTP URL on the status page", () => {
  it("shows host and port only, with nodemailer's default ports", () => {
    expect(smtpServerLabel("smtp://u:p@smtp.example.org:2525")).toEqual({
      server: "smtp.example.org:2525",
      tls: false,
    });
    expect(smtpServerLabel("smtp://smtp.example.org")).toEqual({ server: "smtp.example.org:587", tls: false });
    expect(smtpServerLabel("smtps://u:p@smtp.example.org")).toEqual({ server: "smtp.example.org:465", tls: true });
    expect(smtpServerLabel("not a url")).toBeNull();
  });

  it("removes the credentials from any message, raw or decoded, and the URL holding them", () => {
    const url = "smtp://mailer%40example.org:p%40ss%2Fw0rd@smtp.example.org:587";
    const message = `Invalid login for mailer@example.org with p@ss/w0rd (p%40ss%2Fw0rd) at ${url}`;
    const shown = redactSmtpSecrets(message, url);
    expect(shown).not.toMatch(/p@ss\/w0rd|p%40ss%2Fw0rd|mailer@example\.org|mailer%40example\.org/);
    expect(shown).toContain("smtp://smtp.example.org:587");
    // Nothing to hide, nothing changed.
    expect(redactSmtpSecrets("connect ECONNREFUSED 127.0.0.1:587", "smtp://127.0.0.1:587")).toBe(
      "connect ECONNREFUSED 127.0.0.1:587",
    );
  });
});
