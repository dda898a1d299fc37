import { describe, expect, it } from "vitest";
import { isInternalAddress, webhookUrlProblem } from "./address-check";

describe("where a webhook may point", () => {
  it("refuses internal addresses of every kind", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.20.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:10.0.0.1",
    ]) {
      expect(isInternalAddress(a), a).toBe(true);
    }
    for (const a of ["93.184.216.34", "2001:db8::1", "8.8.8.8"]) expect(isInternalAddress(a), a).toBe(false);
  });

  it("requires https and a public address outside demo mode", async () => {
    expect(await webhookUrlProblem("http://93.184.216.34/hook", { demo: false })).toMatch(/https/);
    expect(await webhookUrlProblem("https://127.0.0.1/hook", { demo: false })).toMatch(/private or internal/);
    expect(await webhookUrlProblem("https://[::1]/hook", { demo: false })).toMatch(/private or internal/);
    expect(await webhookUrlProblem("https://localhost/hook", { demo: false })).toMatch(/private or internal/);
    expect(await webhookUrlProblem("https://user:pw@93.184.216.34/", { demo: false })).toMatch(/user name/);
    expect(await webhookUrlProblem("not a url", { demo: false })).toMatch(/valid/);
    expect(await webhookUrlProblem("https://93.184.216.34/hook", { demo: false })).toBeNull();
  });

  it("lets demo mode use http and local receivers, never other schemes", async () => {
    expect(await webhookUrlProblem("http://127.0.0.1:9999/hook", { demo: true })).toBeNull();
    expect(await webhookUrlProblem("ftp://127.0.0.1/hook", { demo: true })).toMatch(/https/);
  });
});
