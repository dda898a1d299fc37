import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../../test/harness/db";
import { SigningKeyInfo } from "../../shared/directory";
import type { Database } from "../db/database";
import { signDetached, verifyDetached } from "./formats/jws";
import { currentSigningKey, listSigningKeys, retireSigningKey, signingKeyByKid, signingKeyInfo } from "./signing-keys";

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db.close();
});

describe("signing keys", () => {
  it("creates one key on first use and returns it afterwards", async () => {
    const at = new Date("2026-01-01T00:00:00Z");
    const first = await db.tx((tx) => currentSigningKey(tx, at));
    const again = await db.tx((tx) => currentSigningKey(tx, new Date("2026-02-01T00:00:00Z")));
    expect(again.kid).toBe(first.kid);
    expect(first.createdAt.toISOString()).toBe(at.toISOString());
    expect(await db.tx((tx) => listSigningKeys(tx))).toHaveLength(1);
    // The stored pair signs and verifies.
    const jws = signDetached("body", first.privateKeyPem, first.kid);
    expect(verifyDetached(jws, "body", first.publicKeyPem)).toBe(true);
  });

  it("agrees on one key when instances start together", async () => {
    const fresh = await testDatabase();
    try {
      const at = new Date("2026-03-01T00:00:00Z");
      const keys = await Promise.all(Array.from({ length: 4 }, () => fresh.tx((tx) => currentSigningKey(tx, at))));
      expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
      expect(await fresh.tx((tx) => listSigningKeys(tx))).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });

  it("moves to a new key once the current one is retired, and keeps the old one for verifying", async () => {
    const old = await db.tx((tx) => currentSigningKey(tx, new Date("2026-04-01T00:00:00Z")));
    const retiredAt = new Date("2026-05-01T00:00:00Z");
    expect(await db.tx((tx) => retireSigningKey(tx, old.kid, retiredAt))).toBe(true);
    expect(await db.tx((tx) => retireSigningKey(tx, old.kid, retiredAt))).toBe(false);
    // Before the retirement date the old key still signs.
    expect((await db.tx((tx) => currentSigningKey(tx, new Date("2026-04-15T00:00:00Z")))).kid).toBe(old.kid);
    const next = await db.tx((tx) => currentSigningKey(tx, new Date("2026-05-02T00:00:00Z")));
    expect(next.kid).not.toBe(old.kid);
    expect((await db.tx((tx) => signingKeyByKid(tx, old.kid)))?.retiredAt?.toISOString()).toBe(retiredAt.toISOString());
    expect(await db.tx((tx) => signingKeyByKid(tx, "no-such-kid"))).toBeNull();
    expect((await db.tx((tx) => listSigningKeys(tx))).map((k) => k.kid)).toEqual([next.kid, old.kid]);
  });

  it("describes a key by its public half only", async () => {
    const row = await db.tx((tx) => currentSigningKey(tx, new Date("2026-06-01T00:00:00Z")));
    const info = signingKeyInfo(row);
    expect(SigningKeyInfo.parse(info)).toEqual(info);
    expect(info).toMatchObject({ kid: row.kid, alg: "EdDSA", jwk: { kty: "OKP", crv: "Ed25519", kid: row.kid } });
    expect(info.pem).toContain("BEGIN PUBLIC KEY");
    expect(JSON.stringify(info)).not.toContain("PRIVATE");
  });
});
