// A national system fetching the directory from Vigil with an API token: polls the latest
// release with the ETag it already has, and keeps a new release only if its signature verifies.
// Node.js 18 or later, no dependencies:
//
//   VIGIL_URL=https://vigil.example.org VIGIL_TOKEN=vgl_… node fetch-directory.mjs
//
// Writes directory.json and etag.txt in the current folder. The test
// src/server/api-tokens/api-tokens.db.test.ts runs this file against a real Vigil.
import { createPublicKey, verify } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";

/**
 * Checks a detached JWS (RFC 7515 appendix F, EdDSA over Ed25519) over the exact bytes received.
 * Pin the public key in production: fetch it once, check its kid out of band, keep it.
 */
export function verifyDetachedJws(jws, body, publicKeyPem) {
  const [header, payload, signature] = String(jws ?? "").split(".");
  if (!header || payload !== "" || !signature) return false;
  let protectedHeader;
  try {
    protectedHeader = JSON.parse(Buffer.from(header, "base64url").toString("utf8"));
  } catch {
    return false;
  }
  // Only the algorithm Vigil signs with: never let the message choose another.
  if (protectedHeader.alg !== "EdDSA" || protectedHeader.crit || "b64" in protectedHeader) return false;
  const signingInput = Buffer.from(`${header}.${Buffer.from(body).toString("base64url")}`, "ascii");
  return verify(null, signingInput, createPublicKey(publicKeyPem), Buffer.from(signature, "base64url"));
}

/**
 * The latest release if it changed since `etag`, verified; null when nothing changed (304).
 * Throws on any other answer (401: the token is wrong, revoked or expired; 403: it lacks
 * directory:read) and on a signature that does not verify.
 */
export async function fetchLatestRelease(baseUrl, token, etag) {
  const auth = { authorization: `Bearer ${token}` };
  const res = await fetch(`${baseUrl}/api/directory/releases/latest`, {
    headers: etag ? { ...auth, "if-none-match": etag } : auth,
  });
  if (res.status === 304) return null;
  if (!res.ok) throw new Error(`Vigil answered ${res.status}: ${await res.text()}`);
  // The exact bytes: the signature covers them, not a re-serialised copy.
  const body = Buffer.from(await res.arrayBuffer());
  const keyRes = await fetch(`${baseUrl}/api/directory/signing-key`, { headers: auth });
  if (!keyRes.ok) throw new Error(`Vigil answered ${keyRes.status} for the signing key`);
  const key = await keyRes.json();
  if (!verifyDetachedJws(res.headers.get("x-vigil-signature"), body, key.pem)) {
    throw new Error("The release's signature does not verify: keep the previous one.");
  }
  return { etag: res.headers.get("etag"), body, release: JSON.parse(body.toString("utf8")) };
}

async function main() {
  const { VIGIL_URL, VIGIL_TOKEN } = process.env;
  if (!VIGIL_URL || !VIGIL_TOKEN) throw new Error("Set VIGIL_URL and VIGIL_TOKEN.");
  const etag = await readFile("etag.txt", "utf8").catch(() => undefined);
  const latest = await fetchLatestRelease(VIGIL_URL, VIGIL_TOKEN, etag?.trim());
  if (!latest) {
    console.log("No new release.");
    return;
  }
  await writeFile("directory.json", latest.body);
  await writeFile("etag.txt", latest.etag ?? "");
  console.log(`Release ${latest.release.version}: ${latest.release.parties.length} Parties.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((err) => {
    console.error(err.message);
    process.exitCode = 1;
  });
}
