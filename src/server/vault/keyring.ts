import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Encryption at rest for what is most sensitive in a request (attachments): AES-256-GCM, a fresh
 * 96-bit nonce per item, the item's identity bound as additional data (so a sealed blob copied onto
 * another row does not open), and the key's id stored with the blob so keys can be rotated: the
 * first key of the ring seals, every key of the ring opens.
 *
 * Sealed format: "VG1" | key id length (1 byte) | key id | nonce (12) | tag (16) | ciphertext.
 */

export type Keyring = { current: string; keys: ReadonlyMap<string, Buffer> };

const MAGIC = Buffer.from("VG1");
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** "id:base64key,id2:base64key2" — the first seals; all open. */
export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, Buffer>();
  let current: string | undefined;
  for (const part of spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id, b64] = part.split(":");
    if (!id || !b64 || !KEY_ID.test(id)) {
      throw new Error(
        `VIGIL_ENCRYPTION_KEYS: "${id ?? part}" is not "<id>:<base64 key>" (id: letters, digits, - or _)`,
      );
    }
    const key = Buffer.from(b64, "base64");
    if (key.length !== 32)
      throw new Error(`VIGIL_ENCRYPTION_KEYS: key "${id}" must be 32 bytes (base64 of 32 random bytes)`);
    if (keys.has(id)) throw new Error(`VIGIL_ENCRYPTION_KEYS: key id "${id}" appears twice`);
    keys.set(id, key);
    current ??= id;
  }
  if (!current) throw new Error("VIGIL_ENCRYPTION_KEYS is empty");
  return { current, keys };
}

export function newKeySpec(id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, "")}`): string {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

/**
 * The configured ring, or (when none is configured) one kept in the data folder, created on first
 * start with owner-only permissions. The file is fine for the embedded demo; a real deployment sets
 * VIGIL_ENCRYPTION_KEYS from its secret store and keeps the keys out of database backups.
 */
export function loadKeyring(config: { encryptionKeys?: string; dataDir: string }): { keyring: Keyring; file?: string } {
  if (config.encryptionKeys) return { keyring: parseKeyring(config.encryptionKeys) };
  const file = path.join(config.dataDir, "encryption-keys");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, `${newKeySpec()}\n`, { mode: 0o600, flag: "wx" });
  }
  return { keyring: parseKeyring(fs.readFileSync(file, "utf8").trim()), file };
}

export function seal(ring: Keyring, plaintext: Buffer, boundTo: string): Buffer {
  const key = ring.keys.get(ring.current) as Buffer;
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, nonce);
  cipher.setAAD(Buffer.from(boundTo, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const id = Buffer.from(ring.current, "ascii");
  return Buffer.concat([MAGIC, Buffer.from([id.length]), id, nonce, cipher.getAuthTag(), body]);
}

/** The key id a blob was sealed with (to find what a rotation must re-seal). */
export function sealedKeyId(sealed: Buffer): string {
  if (!sealed.subarray(0, 3).equals(MAGIC)) throw new Error("Not a sealed blob");
  return sealed.subarray(4, 4 + (sealed[3] ?? 0)).toString("ascii");
}

export function open(ring: Keyring, sealed: Buffer, boundTo: string): Buffer {
  const id = sealedKeyId(sealed);
  const key = ring.keys.get(id);
  if (!key) throw new Error(`The key "${id}" that sealed this item is not in the key ring`);
  const start = 4 + id.length;
  const nonce = sealed.subarray(start, start + 12);
  const tag = sealed.subarray(start + 12, start + 28);
  const decipher = createDecipheriv("aes-256-gcm", key, nonce);
  decipher.setAAD(Buffer.from(boundTo, "utf8"));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(start + 28)), decipher.final()]);
}
