import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadKeyring, newKeySpec, open, parseKeyring, seal, sealedKeyId } from "./keyring";

describe("encryption at rest", () => {
  const ring = parseKeyring(newKeySpec("a"));

  it("seals and opens; the blob carries no plaintext and opens only for the item it was sealed for", () => {
    const plain = Buffer.from("Connection logs of 192.0.2.10");
    const sealed = seal(ring, plain, "attachment:1");
    expect(sealed.includes(plain)).toBe(false);
    expect(open(ring, sealed, "attachment:1").equals(plain)).toBe(true);
    expect(() => open(ring, sealed, "attachment:2")).toThrow();
    const tampered = Buffer.from(sealed);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 1) ^ 1, tampered.length - 1);
    expect(() => open(ring, tampered, "attachment:1")).toThrow();
  });

  it("rotates: a new first key seals, the old one still opens what it sealed", () => {
    const old = seal(ring, Buffer.from("old"), "x");
    const rotated = parseKeyring(`${newKeySpec("b")},a:${(ring.keys.get("a") as Buffer).toString("base64")}`);
    expect(open(rotated, old, "x").toString()).toBe("old");
    expect(sealedKeyId(seal(rotated, Buffer.from("new"), "x"))).toBe("b");
    expect(() => open(parseKeyring(newKeySpec("b")), old, "x")).toThrow(/not in the key ring/);
  });

  it("refuses a malformed key ring with a clear message", () => {
    expect(() => parseKeyring("a:c2hvcnQ=")).toThrow(/32 bytes/);
    expect(() => parseKeyring("no-colon")).toThrow(/<id>:<base64 key>/);
    expect(() => parseKeyring(`${newKeySpec("a")},${newKeySpec("a")}`)).toThrow(/twice/);
  });

  it("keeps a generated key in the data folder, readable by its owner only, the same on the next start", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-keys-"));
    const first = loadKeyring({ dataDir: dir });
    expect(fs.statSync(first.file as string).mode & 0o777).toBe(0o600);
    const again = loadKeyring({ dataDir: dir });
    expect(again.keyring.current).toBe(first.keyring.current);
    expect(open(again.keyring, seal(first.keyring, Buffer.from("k"), "x"), "x").toString()).toBe("k");
  });
});
