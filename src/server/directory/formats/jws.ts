import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { canonicalJson } from "./canonical-json";

/**
 * Detached JWS (RFC 7515 appendix F) with EdDSA over Ed25519 (RFC 8037), on node:crypto alone.
 * A release's JSON export travels as it is and the signature beside it, so national systems can
 * check the file they downloaded against the Secretariat's published key with any JOSE library.
 */

export type SigningKeyPair = { publicKeyPem: string; privateKeyPem: string; kid: string };
export type PublicJwk = { kty: "OKP"; crv: "Ed25519"; x: string; kid: string };

const ALG = "EdDSA";

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString("base64url");
}

/** Strict base64url (no padding, no other alphabet): Buffer.from would silently skip junk. */
function fromB64url(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  return Buffer.from(text, "base64url");
}

/** RFC 7638 thumbprint: SHA-256 of the required members in lexicographic order, no whitespace. */
function thumbprint(x: string): string {
  return b64url(
    createHash("sha256")
      .update(canonicalJson({ crv: "Ed25519", kty: "OKP", x }), "utf8")
      .digest(),
  );
}

function okpX(key: KeyObject): string {
  if (key.asymmetricKeyType !== "ed25519") throw new Error("Not an Ed25519 key");
  const jwk = key.export({ format: "jwk" });
  if (typeof jwk.x !== "string") throw new Error("Ed25519 key without a public value");
  return jwk.x;
}

export function generateSigningKeyPair(): SigningKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  return {
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    kid: thumbprint(okpX(publicKey)),
  };
}

/** The public key as a JWK, with its thumbprint as kid (what a JWKS document would list). */
export function publicJwk(publicKeyPem: string): PublicJwk {
  const x = okpX(createPublicKey(publicKeyPem));
  return { kty: "OKP", crv: "Ed25519", x, kid: thumbprint(x) };
}

function signingInput(headerB64: string, body: string | Buffer): Buffer {
  // The payload is base64url of the body's UTF-8 bytes; the signing input is ASCII.
  const payload = b64url(typeof body === "string" ? Buffer.from(body, "utf8") : body);
  return Buffer.from(`${headerB64}.${payload}`, "ascii");
}

/** `<protected header>..<signature>`: the compact serialisation with the payload left out. */
export function signDetached(body: string, privateKeyPem: string, kid: string): string {
  const headerB64 = b64url(canonicalJson({ alg: ALG, kid }));
  // Ed25519 hashes internally: node:crypto takes a null digest for it.
  const signature = sign(null, signingInput(headerB64, body), createPrivateKey(privateKeyPem));
  return `${headerB64}..${b64url(signature)}`;
}

/**
 * True only when `jws` is a detached EdDSA signature of `body` by this key. Any malformed input,
 * another algorithm, or a header demanding extensions we do not implement is simply false: callers
 * ask "is this genuine?", and an exception would be easy to mistake for something else.
 */
export function verifyDetached(jws: string, body: string | Buffer, publicKeyPem: string): boolean {
  try {
    const parts = jws.trim().split(".");
    if (parts.length !== 3) return false;
    const [headerB64, payload, signatureB64] = parts as [string, string, string];
    if (payload !== "") return false; // not detached: the caller would be checking another body
    const headerBytes = fromB64url(headerB64);
    const signature = fromB64url(signatureB64);
    if (!headerBytes || !signature || signature.length !== 64) return false;
    const header: unknown = JSON.parse(headerBytes.toString("utf8"));
    if (typeof header !== "object" || header === null || Array.isArray(header)) return false;
    const h = header as Record<string, unknown>;
    if (h.alg !== ALG) return false;
    // RFC 7515 §4.1.11: unknown critical extensions must be refused; we implement none (so not
    // RFC 7797's unencoded payload either).
    if (h.crit !== undefined || h.b64 !== undefined) return false;
    const key = createPublicKey(publicKeyPem);
    if (key.asymmetricKeyType !== "ed25519") return false;
    return verify(null, signingInput(headerB64, body), key, signature);
  } catch {
    return false;
  }
}
