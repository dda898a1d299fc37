import { and, asc, eq } from "drizzle-orm";
import type {
  AddSecurityKeyBody,
  AuthenticationResponse,
  RegistrationResponse,
  SecurityKeyInfo,
  WebAuthnOptions,
} from "../../shared/auth";
import { appendAudit } from "../audit/log";
import type { Config } from "../config";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { badRequest, conflict, HttpError, notFound } from "../http/errors";
import { loadWebAuthn } from "../libs";
import { type SessionRow, setWebauthnChallenge, takeWebauthnChallenge } from "./sessions";
import { securityKeys } from "./tables";
import type { UserRow } from "./users";

export type SecurityKeyRow = typeof securityKeys.$inferSelect;

/** At most this many keys per account: enough for a main key, a spare and a few more. */
export const MAX_SECURITY_KEYS = 10;

/** The relying party is Vigil's public address: its host name is the RP id, its origin the origin. */
export function relyingParty(config: Config): { id: string; origin: string; name: string } {
  const url = new URL(config.publicUrl);
  return { id: url.hostname, origin: url.origin, name: "Vigil" };
}

const present = (row: SecurityKeyRow): SecurityKeyInfo => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
});

export async function keysOf(tx: Tx, userId: string): Promise<SecurityKeyRow[]> {
  return tx.select().from(securityKeys).where(eq(securityKeys.userId, userId)).orderBy(asc(securityKeys.createdAt));
}

export async function hasSecurityKeys(tx: Tx, userId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: securityKeys.id })
    .from(securityKeys)
    .where(eq(securityKeys.userId, userId))
    .limit(1);
  return row !== undefined;
}

export async function listSecurityKeys(ctx: AppContext, user: UserRow): Promise<SecurityKeyInfo[]> {
  return ctx.db.tx(async (tx) => (await keysOf(tx, user.id)).map(present));
}

/** Options for navigator.credentials.create(); the challenge is kept in the session until answered. */
export async function registrationOptions(
  ctx: AppContext,
  session: SessionRow,
  user: UserRow,
): Promise<WebAuthnOptions> {
  const { generateRegistrationOptions } = await loadWebAuthn();
  return ctx.db.tx(async (tx) => {
    const existing = await keysOf(tx, user.id);
    if (existing.length >= MAX_SECURITY_KEYS) {
      throw conflict("too_many_security_keys", `An account can have at most ${MAX_SECURITY_KEYS} security keys.`);
    }
    const rp = relyingParty(ctx.config);
    const options = await generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      userName: user.email,
      userDisplayName: user.displayName,
      userID: new TextEncoder().encode(user.id),
      attestationType: "none",
      // The same key twice would be no spare at all.
      excludeCredentials: existing.map((k) => ({ id: k.credentialId, transports: k.transports })),
      // A second factor after the password: the key need not hold the account nor check a PIN.
      authenticatorSelection: { residentKey: "discouraged", userVerification: "discouraged" },
    });
    await setWebauthnChallenge(tx, session.idHash, options.challenge);
    return { ...options };
  });
}

/** Checks the browser's answer to the registration options and stores the new key. */
export async function addSecurityKey(
  ctx: AppContext,
  session: SessionRow,
  user: UserRow,
  body: AddSecurityKeyBody,
  meta: RequestMeta,
): Promise<SecurityKeyInfo> {
  const { verifyRegistrationResponse } = await loadWebAuthn();
  return ctx.db.tx(async (tx) => {
    const at = ctx.clock.now();
    const challenge = await takeWebauthnChallenge(tx, session.idHash);
    if (!challenge) throw conflict("no_challenge", "Start adding the key again.");
    const rp = relyingParty(ctx.config);
    const verification = await verifyRegistrationResponse({
      response: body.response as RegistrationResponse & Parameters<typeof verifyRegistrationResponse>[0]["response"],
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    }).catch(() => ({ verified: false as const }));
    if (!verification.verified) {
      throw badRequest("security_key_invalid", "The security key's answer could not be verified. Try again.");
    }
    const { credential } = verification.registrationInfo;
    const [row] = await tx
      .insert(securityKeys)
      .values({
        userId: user.id,
        name: body.name,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString("base64url"),
        counter: credential.counter,
        transports: credential.transports ?? [],
        createdAt: at,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict("security_key_exists", "This security key is already registered.");
    await appendAudit(
      tx,
      at,
      { userId: user.id, label: user.email, partyId: user.partyId, ip: meta.ip, userAgent: meta.userAgent },
      { action: "auth.security_key_added", targetType: "user", targetId: user.id, details: { name: body.name } },
    );
    return present(row);
  });
}

export async function removeSecurityKey(ctx: AppContext, user: UserRow, id: string, meta: RequestMeta): Promise<void> {
  await ctx.db.tx(async (tx) => {
    const [gone] = await tx
      .delete(securityKeys)
      .where(and(eq(securityKeys.id, id), eq(securityKeys.userId, user.id)))
      .returning();
    if (!gone) throw notFound("No such security key.");
    await appendAudit(
      tx,
      ctx.clock.now(),
      { userId: user.id, label: user.email, partyId: user.partyId, ip: meta.ip, userAgent: meta.userAgent },
      { action: "auth.security_key_removed", targetType: "user", targetId: user.id, details: { name: gone.name } },
    );
  });
}

/** Options for navigator.credentials.get() with the user's keys (sign-in or re-authentication). */
export async function authenticationOptions(ctx: AppContext, session: SessionRow): Promise<WebAuthnOptions> {
  const { generateAuthenticationOptions } = await loadWebAuthn();
  return ctx.db.tx(async (tx) => {
    const keys = await keysOf(tx, session.userId);
    if (keys.length === 0) throw new HttpError(409, "no_security_key", "This account has no security key.");
    const options = await generateAuthenticationOptions({
      rpID: relyingParty(ctx.config).id,
      allowCredentials: keys.map((k) => ({ id: k.credentialId, transports: k.transports as never })),
      userVerification: "discouraged",
    });
    await setWebauthnChallenge(tx, session.idHash, options.challenge);
    return { ...options };
  });
}

/**
 * Checks a security key's answer to the challenge this session was offered (one use), against
 * one of this user's keys; moves its counter forward. False for any failure.
 */
export async function checkSecurityKey(
  tx: Tx,
  ctx: AppContext,
  session: SessionRow,
  user: UserRow,
  response: AuthenticationResponse,
  at: Date,
): Promise<boolean> {
  const challenge = await takeWebauthnChallenge(tx, session.idHash);
  if (!challenge) return false;
  const [key] = await tx
    .select()
    .from(securityKeys)
    .where(and(eq(securityKeys.userId, user.id), eq(securityKeys.credentialId, response.id)))
    .limit(1);
  if (!key) return false;
  const rp = relyingParty(ctx.config);
  const { verifyAuthenticationResponse } = await loadWebAuthn();
  const result = await verifyAuthenticationResponse({
    response: response as AuthenticationResponse & Parameters<typeof verifyAuthenticationResponse>[0]["response"],
    expectedChallenge: challenge,
    expectedOrigin: rp.origin,
    expectedRPID: rp.id,
    credential: {
      id: key.credentialId,
      publicKey: new Uint8Array(Buffer.from(key.publicKey, "base64url")),
      counter: key.counter,
      transports: key.transports,
    },
    requireUserVerification: false,
  }).catch(() => null);
  if (!result?.verified) return false;
  await tx
    .update(securityKeys)
    .set({ counter: result.authenticationInfo.newCounter, lastUsedAt: at })
    .where(eq(securityKeys.id, key.id));
  return true;
}
