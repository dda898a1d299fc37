import type { Tx } from "../db/database";
import { canonicalJson } from "../directory/formats/canonical-json";
import { signDetached, verifyDetached } from "../directory/formats/jws";
import { currentSigningKey, signingKeyByKid } from "../directory/signing-keys";

/**
 * A receipt for each step of a request, signed with the platform's Ed25519 key (the one that signs
 * directory releases, published at /api/directory/signing-key): a compact JWS whose payload says
 * who did what, when. Either side can keep it and check it later, with Vigil or any JOSE library,
 * so "was it received, and when?" has a provable answer.
 */
export type ReceiptPayload = {
  typ: "vigil.request-receipt";
  request: { id: string; number: string; type: string };
  step: { kind: string; from: string | null; to: string | null; at: string };
  by: { party: string | null; user: string | null };
  /** SHA-256 of the request content as sent, so a receipt also fixes what was sent. */
  contentSha256: string | null;
};

export async function issueReceipt(tx: Tx, payload: ReceiptPayload, at: Date): Promise<string> {
  const key = await currentSigningKey(tx, at);
  const body = canonicalJson(payload);
  // A compact JWS is the detached one with the payload put back between the dots.
  const [header, , signature] = signDetached(body, key.privateKeyPem, key.kid).split(".");
  return `${header}.${Buffer.from(body, "utf8").toString("base64url")}.${signature}`;
}

export type ReceiptCheck = { valid: true; payload: ReceiptPayload; kid: string } | { valid: false; reason: string };

export async function verifyReceipt(tx: Tx, receipt: string): Promise<ReceiptCheck> {
  const parts = receipt.trim().split(".");
  if (parts.length !== 3 || !parts[1]) return { valid: false, reason: "Not a compact JWS." };
  const [header, payloadB64, signature] = parts as [string, string, string];
  let kid: unknown;
  let payload: unknown;
  try {
    kid = (JSON.parse(Buffer.from(header, "base64url").toString("utf8")) as { kid?: unknown }).kid;
    payload = JSON.parse(Buffer.from(payloadB64, "base64url").toString("utf8"));
  } catch {
    return { valid: false, reason: "The receipt is not readable." };
  }
  if (typeof kid !== "string") return { valid: false, reason: "The receipt names no key." };
  const key = await signingKeyByKid(tx, kid);
  if (!key) return { valid: false, reason: "The receipt was not signed by a key of this platform." };
  const body = Buffer.from(payloadB64, "base64url");
  if (!verifyDetached(`${header}..${signature}`, body, key.publicKeyPem)) {
    return { valid: false, reason: "The signature does not match: the receipt was altered or forged." };
  }
  const p = payload as ReceiptPayload;
  if (p?.typ !== "vigil.request-receipt") return { valid: false, reason: "Not a request receipt." };
  return { valid: true, payload: p, kid };
}
