import { and, eq, isNull } from "drizzle-orm";
import type {
  AuthenticationResponse,
  ReauthBody,
  SessionInfo,
  SignInBody,
  SignInResponse,
  TotpEnrolment,
} from "../../shared/auth";
import { type AuditContext, appendAudit } from "../audit/log";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { HttpError, locked, unauthorized } from "../http/errors";
import { verifyPassword } from "./passwords";
import { presentSession } from "./presenter";
import { isApiToken, type Principal } from "./principal";
import { checkSecurityKey, hasSecurityKeys } from "./security-keys";
import {
  createSession,
  deleteSession,
  type Lifetimes,
  markAuthenticated,
  rotateSession,
  type SessionRow,
  setPendingTotpSecret,
} from "./sessions";
import { recoveryCodes, users } from "./tables";
import { normaliseRecoveryCode, recoveryCode, sha256 } from "./tokens";
import { checkTotp, newTotpSecret, totpQrDataUrl, totpUri } from "./totp";
import { accountSecretAad, openTotpSecret, pendingSecretAad, sealTotpSecret } from "./totp-secrets";
import { clearFailedAttempts, findUserByEmail, findUserById, recordFailedAttempt, type UserRow } from "./users";

/** Five wrong answers in a row lock the account for fifteen minutes. */
export const LOCKOUT = { maxAttempts: 5, lockMs: 15 * 60_000 };

const lifetimes = (ctx: AppContext): Lifetimes => ({
  idleMs: ctx.config.sessionIdleMs,
  maxMs: ctx.config.sessionMaxMs,
});

/** Who did it, for the audit trail: a user by id and e-mail; an API token by its label and Party. */
export const auditWho = (who: Principal | undefined, meta: RequestMeta): AuditContext => ({
  userId: who && !isApiToken(who) ? who.id : null,
  label: who ? (isApiToken(who) ? who.label : who.email) : null,
  partyId: who?.partyId ?? null,
  ip: meta.ip,
  userAgent: meta.userAgent,
});

const lockedError = (until: Date) =>
  locked(`Too many failed attempts. This account is locked until ${until.toISOString()} (UTC).`);

type Outcome<T> = { ok: true; value: T } | { ok: false; error: HttpError };

/**
 * Runs a sign-in step whose failures must still be recorded: the failed attempt and its audit
 * row commit, and the error is thrown only after the transaction ends.
 */
async function recordingFailures<T>(ctx: AppContext, fn: (tx: Tx) => Promise<Outcome<T>>): Promise<T> {
  const outcome = await ctx.db.tx(fn);
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

async function failAttempt(
  tx: Tx,
  ctx: AppContext,
  user: UserRow,
  meta: RequestMeta,
  action: string,
  error: HttpError,
): Promise<Outcome<never>> {
  const at = ctx.clock.now();
  const { lockedUntil } = await recordFailedAttempt(tx, user.id, at, LOCKOUT);
  await appendAudit(tx, at, auditWho(user, meta), { action, targetType: "user", targetId: user.id });
  if (lockedUntil) {
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "auth.locked",
      targetType: "user",
      targetId: user.id,
      details: { until: lockedUntil.toISOString() },
    });
    return { ok: false, error: lockedError(lockedUntil) };
  }
  return { ok: false, error };
}

export type SignedIn<T> = { token: string; value: T };

/** Step 1: e-mail and password. Opens a pending session that still needs the second factor. */
export async function signIn(ctx: AppContext, body: SignInBody, meta: RequestMeta): Promise<SignedIn<SignInResponse>> {
  const invalid = unauthorized("invalid_credentials", "The e-mail address or the password is wrong.");
  return recordingFailures(ctx, async (tx) => {
    const at = ctx.clock.now();
    const user = await findUserByEmail(tx, body.email);
    const passwordOk = await verifyPassword(user?.passwordHash ?? null, body.password);
    if (!user || user.disabledAt) {
      await appendAudit(tx, at, auditWho(undefined, meta), {
        action: "auth.sign_in_failed",
        details: { email: body.email, reason: user ? "disabled" : "unknown_account" },
      });
      return { ok: false, error: invalid };
    }
    if (user.lockedUntil && user.lockedUntil > at) {
      await appendAudit(tx, at, auditWho(user, meta), {
        action: "auth.sign_in_failed",
        targetType: "user",
        targetId: user.id,
        details: { reason: "locked" },
      });
      return { ok: false, error: lockedError(user.lockedUntil) };
    }
    if (!passwordOk) return failAttempt(tx, ctx, user, meta, "auth.sign_in_failed", invalid);
    const state = user.totpEnabledAt && user.totpSecret ? "pending_totp" : "pending_enrolment";
    const { token, row } = await createSession(
      tx,
      { userId: user.id, state, ip: meta.ip, userAgent: meta.userAgent },
      at,
      lifetimes(ctx),
    );
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "auth.password_ok",
      targetType: "user",
      targetId: user.id,
    });
    const securityKey = state === "pending_totp" && (await hasSecurityKeys(tx, user.id));
    return {
      ok: true,
      value: {
        token,
        value: { next: state === "pending_totp" ? "totp" : "enrol", csrfToken: row.csrfToken, securityKey },
      },
    };
  });
}

/**
 * The account's authenticator secret in clear. One that does not open (a row changed in the
 * database, or its key removed from the ring) fails the code like a wrong one, and is logged.
 */
function accountSecret(ctx: AppContext, user: UserRow): string | null {
  if (!user.totpSecret) return null;
  try {
    return openTotpSecret(ctx.keyring, user.totpSecret, accountSecretAad(user.id));
  } catch (err) {
    ctx.log.error({ userId: user.id, err: (err as Error).message }, "authenticator secret does not open");
    return null;
  }
}

async function loadUser(tx: Tx, session: SessionRow): Promise<UserRow> {
  const user = await findUserById(tx, session.userId);
  if (!user || user.disabledAt) throw unauthorized("unauthenticated", "Please sign in.");
  return user;
}

/** A second factor: an authenticator or recovery code, or a security key's answer. */
export type SecondFactor = { code: string } | { securityKey: AuthenticationResponse };

type SecondFactorMethod = "totp" | "recovery_code" | "security_key";

/** Checks a second factor of `user`; the method used, or null when it is wrong (nothing is consumed then). */
async function checkSecondFactor(
  tx: Tx,
  ctx: AppContext,
  session: SessionRow,
  user: UserRow,
  factor: SecondFactor,
  at: Date,
): Promise<SecondFactorMethod | null> {
  if ("securityKey" in factor) {
    return (await checkSecurityKey(tx, ctx, session, user, factor.securityKey, at)) ? "security_key" : null;
  }
  const code = factor.code;
  if (/^\d{6}$/.test(code)) {
    const secret = accountSecret(ctx, user);
    const step = secret ? await checkTotp(secret, code, at, user.totpLastStep) : null;
    if (step === null) return null;
    await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
    return "totp";
  }
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(recoveryCodes.userId, user.id),
        eq(recoveryCodes.codeHash, sha256(normaliseRecoveryCode(code))),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length > 0 ? "recovery_code" : null;
}

const invalidFactor = (factor: SecondFactor) =>
  "securityKey" in factor
    ? unauthorized("invalid_security_key", "This security key was not accepted. Use a key registered to this account.")
    : unauthorized("invalid_code", "This code is not valid. Check your authenticator app's time and try again.");

/** Step 2: a TOTP code, one of the recovery codes, or a security key. Completes the sign-in. */
export async function verifySecondFactor(
  ctx: AppContext,
  session: SessionRow,
  factor: SecondFactor,
  meta: RequestMeta,
): Promise<SignedIn<SessionInfo>> {
  return recordingFailures(ctx, async (tx) => {
    const at = ctx.clock.now();
    const user = await loadUser(tx, session);
    if (user.lockedUntil && user.lockedUntil > at) {
      await deleteSession(tx, session.idHash);
      return { ok: false, error: lockedError(user.lockedUntil) };
    }
    const method = await checkSecondFactor(tx, ctx, session, user, factor, at);
    if (!method) return failAttempt(tx, ctx, user, meta, "auth.second_factor_failed", invalidFactor(factor));
    await clearFailedAttempts(tx, user.id);
    const { token, row } = await rotateSession(tx, session, "active", at, lifetimes(ctx));
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "auth.sign_in",
      targetType: "user",
      targetId: user.id,
      details: { method },
    });
    return { ok: true, value: { token, value: await presentSession(tx, row, user) } };
  });
}

/**
 * Proves again, inside a signed-in session, that it is its user (password and second factor),
 * before a sensitive action. Failures count towards the lock-out like sign-in failures. The
 * session keeps its token: its privileges do not change, only the time of the last proof.
 */
export async function reauthenticate(
  ctx: AppContext,
  session: SessionRow,
  body: ReauthBody,
  meta: RequestMeta,
): Promise<void> {
  await recordingFailures(ctx, async (tx) => {
    const at = ctx.clock.now();
    const user = await loadUser(tx, session);
    if (user.lockedUntil && user.lockedUntil > at) return { ok: false, error: lockedError(user.lockedUntil) };
    if (!(await verifyPassword(user.passwordHash, body.password))) {
      return failAttempt(
        tx,
        ctx,
        user,
        meta,
        "auth.reauth_failed",
        unauthorized("invalid_credentials", "The password is wrong."),
      );
    }
    const factor: SecondFactor = body.securityKey ? { securityKey: body.securityKey } : { code: body.code ?? "" };
    const method = await checkSecondFactor(tx, ctx, session, user, factor, at);
    if (!method) return failAttempt(tx, ctx, user, meta, "auth.reauth_failed", invalidFactor(factor));
    await clearFailedAttempts(tx, user.id);
    await markAuthenticated(tx, session.idHash, at);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "auth.reauth",
      targetType: "user",
      targetId: user.id,
      details: { method },
    });
    return { ok: true, value: undefined };
  });
}

/** Offers a new authenticator secret (first sign-in, or re-enrolment of a signed-in user). */
export async function startTotpEnrolment(ctx: AppContext, session: SessionRow): Promise<TotpEnrolment> {
  return ctx.db.tx(async (tx) => {
    const user = await loadUser(tx, session);
    const secret = newTotpSecret();
    await setPendingTotpSecret(
      tx,
      session.idHash,
      sealTotpSecret(ctx.keyring, secret, pendingSecretAad(session.idHash)),
    );
    const otpauthUri = totpUri(secret, user.email);
    return { secret, otpauthUri, qrDataUrl: await totpQrDataUrl(otpauthUri) };
  });
}

/** Confirms enrolment with a first code; issues ten one-time recovery codes, shown once. */
export async function confirmTotpEnrolment(
  ctx: AppContext,
  session: SessionRow,
  code: string,
  meta: RequestMeta,
): Promise<SignedIn<{ recoveryCodes: string[]; session: SessionInfo }>> {
  return recordingFailures(ctx, async (tx) => {
    const at = ctx.clock.now();
    const user = await loadUser(tx, session);
    const pending = session.pendingTotpSecret;
    if (!pending) {
      return { ok: false, error: new HttpError(409, "enrolment_not_started", "Start the enrolment first.") };
    }
    const secret = openTotpSecret(ctx.keyring, pending, pendingSecretAad(session.idHash));
    const step = await checkTotp(secret, code, at, null);
    if (step === null) {
      return failAttempt(
        tx,
        ctx,
        user,
        meta,
        "auth.totp_enrolment_failed",
        unauthorized("invalid_code", "This code is not valid. Scan the QR code again and enter the current code."),
      );
    }
    await tx
      .update(users)
      .set({
        totpSecret: sealTotpSecret(ctx.keyring, secret, accountSecretAad(user.id)),
        totpEnabledAt: at,
        totpLastStep: step,
        failedAttempts: 0,
        updatedAt: at,
      })
      .where(eq(users.id, user.id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    const codes = Array.from({ length: 10 }, recoveryCode);
    await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId: user.id, codeHash: sha256(c), createdAt: at })));
    const { token, row } = await rotateSession(tx, session, "active", at, lifetimes(ctx));
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "auth.totp_enrolled",
      targetType: "user",
      targetId: user.id,
    });
    const fresh = { ...user, totpEnabledAt: at };
    return {
      ok: true,
      value: { token, value: { recoveryCodes: codes, session: await presentSession(tx, row, fresh) } },
    };
  });
}

export async function signOut(ctx: AppContext, session: SessionRow, meta: RequestMeta): Promise<void> {
  await ctx.db.tx(async (tx) => {
    const user = await findUserById(tx, session.userId);
    await deleteSession(tx, session.idHash);
    await appendAudit(tx, ctx.clock.now(), auditWho(user, meta), {
      action: "auth.sign_out",
      targetType: "user",
      targetId: session.userId,
    });
  });
}
