import { createHash } from "node:crypto";
import { and, desc, eq, gt, isNull, or, sql } from "drizzle-orm";
import type { SigningKeyInfo } from "../../shared/directory";
import type { Tx } from "../db/database";
import { generateSigningKeyPair, publicJwk, signDetached } from "./formats/jws";
import { signingKeys } from "./tables";

export type SigningKeyRow = typeof signingKeys.$inferSelect;

/** Unretired at `at`: never retired, or retired only later (a planned rotation). */
function activeAt(at: Date) {
  return or(isNull(signingKeys.retiredAt), gt(signingKeys.retiredAt, at));
}

async function newestActive(tx: Tx, at: Date): Promise<SigningKeyRow | undefined> {
  const [row] = await tx
    .select()
    .from(signingKeys)
    .where(activeAt(at))
    // Ties on the creation time are broken by kid, so every instance picks the same key.
    .orderBy(desc(signingKeys.createdAt), signingKeys.kid)
    .limit(1);
  return row;
}

/**
 * The key that signs releases now: the newest unretired one. On a fresh database it creates and
 * stores one. Two instances starting together must not sign with different keys, so creation is
 * serialised with a transaction-scoped advisory lock: the second waits, then (READ COMMITTED,
 * a new statement) sees the first one's key and uses it. The insert is `on conflict do nothing`
 * and the key is read back, so the row returned is always the stored one.
 */
export async function currentSigningKey(tx: Tx, at: Date): Promise<SigningKeyRow> {
  const existing = await newestActive(tx, at);
  if (existing) return existing;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('vigil.signing_keys'))`);
  const created = await newestActive(tx, at);
  if (created) return created;
  const pair = generateSigningKeyPair();
  await tx
    .insert(signingKeys)
    .values({ kid: pair.kid, publicKeyPem: pair.publicKeyPem, privateKeyPem: pair.privateKeyPem, createdAt: at })
    .onConflictDoNothing();
  const row = await newestActive(tx, at);
  if (!row) throw new Error("The signing key could not be stored");
  return row;
}

/**
 * A release's body as it is stored and published: its SHA-256 and its detached JWS with the key
 * that signs now (the contact-point directory's releases and the authorities' alike).
 */
export async function signRelease(
  tx: Tx,
  body: string,
  at: Date,
): Promise<{ sha256: string; jws: string; kid: string }> {
  const key = await currentSigningKey(tx, at);
  return {
    sha256: createHash("sha256").update(body, "utf8").digest("hex"),
    jws: signDetached(body, key.privateKeyPem, key.kid),
    kid: key.kid,
  };
}

/** Any key, retired or not: old releases stay verifiable with the key that signed them. */
export async function signingKeyByKid(tx: Tx, kid: string): Promise<SigningKeyRow | null> {
  const [row] = await tx.select().from(signingKeys).where(eq(signingKeys.kid, kid)).limit(1);
  return row ?? null;
}

/** Every key, newest first, for a published key set (national systems pin them). */
export async function listSigningKeys(tx: Tx): Promise<SigningKeyRow[]> {
  return tx.select().from(signingKeys).orderBy(desc(signingKeys.createdAt), signingKeys.kid);
}

/** Stops a key from signing from `at` on; it still verifies what it signed. */
export async function retireSigningKey(tx: Tx, kid: string, at: Date): Promise<boolean> {
  const rows = await tx
    .update(signingKeys)
    .set({ retiredAt: at })
    .where(and(eq(signingKeys.kid, kid), isNull(signingKeys.retiredAt)))
    .returning({ kid: signingKeys.kid });
  return rows.length > 0;
}

/** What may be shown about a key: the public half only, as JWK and PEM. */
export function signingKeyInfo(row: SigningKeyRow): SigningKeyInfo {
  const jwk = publicJwk(row.publicKeyPem);
  return {
    kid: row.kid,
    alg: "EdDSA",
    jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, kid: row.kid },
    pem: row.publicKeyPem,
    createdAt: row.createdAt.toISOString(),
  };
}
