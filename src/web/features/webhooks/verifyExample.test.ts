import { createHmac, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VERIFY_EXAMPLE } from "./verifyExample";

type Accept = (headers: Record<string, string>, rawBody: Buffer, secret: string) => boolean;

// The example shown to national systems' developers must work: it is run here as they would run it.
describe("the verification example on the webhooks panel", () => {
  let folder: string;
  let accept: Accept;
  const secret = "whsec_example_secret";

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "vigil-webhook-example-"));
    const file = path.join(folder, "verify.mjs");
    writeFileSync(file, VERIFY_EXAMPLE);
    ({ acceptVigilDelivery: accept } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {
      acceptVigilDelivery: Accept;
    });
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  // Signed as the contract says: "v1=" + hex HMAC-SHA256(secret, timestamp + "." + raw body).
  function delivery(body: string, timestamp = Math.floor(Date.now() / 1000), id = randomUUID()) {
    const signature = `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
    return {
      headers: {
        "x-vigil-event": "test",
        "x-vigil-delivery": id,
        "x-vigil-timestamp": String(timestamp),
        "x-vigil-signature": signature,
      },
      raw: Buffer.from(body),
    };
  }

  it("accepts a correctly signed delivery once, and drops its duplicate", () => {
    const d = delivery('{"id":"1","event":"test","data":{"message":"Café"}}');
    expect(accept(d.headers, d.raw, secret)).toBe(true);
    expect(accept(d.headers, d.raw, secret)).toBe(false);
  });

  it("refuses a changed body, another secret, and a timestamp more than 5 minutes away", () => {
    const d = delivery('{"event":"test"}');
    expect(accept(d.headers, Buffer.from('{"event":"test" }'), secret)).toBe(false);
    expect(accept(d.headers, d.raw, "another secret")).toBe(false);
    const old = delivery('{"event":"test"}', Math.floor(Date.now() / 1000) - 301);
    expect(accept(old.headers, old.raw, secret)).toBe(false);
    const ahead = delivery('{"event":"test"}', Math.floor(Date.now() / 1000) + 301);
    expect(accept(ahead.headers, ahead.raw, secret)).toBe(false);
  });

  it("does not let a forged request use up a delivery id", () => {
    const d = delivery('{"event":"test"}');
    expect(accept({ ...d.headers, "x-vigil-signature": "v1=00" }, d.raw, secret)).toBe(false);
    expect(accept(d.headers, d.raw, secret)).toBe(true);
  });
});
