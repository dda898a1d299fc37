import { eq, lt } from "drizzle-orm";
import type { SessionState } from "../../shared/auth";
import type { Db, Tx } from "../db/database";
import { sessions, users } from "./tables";
import { randomToken, sha256 } from "./tokens";
import type { UserRow } from "./users";

export type SessionRow = typeof sessions.$inferSelect;

/** A half-signed-in session (password given, second factor not yet) lives ten minutes. */
export const PENDING_SESSION_MS = 10 * 60_000;

export type Lifetimes = { idleMs: number; maxMs: number };

export async function createSession(
  tx: Tx,
  input: { userId: string; state: SessionState; ip: string | null; userAgent: string | null },
  at: Date,
  life: Lifetimes,
): Promise<{ token: string; row: SessionRow }> {
  const token = randomToken();
  const pending = input.state !== "active";
  const expiresAt = new Date(at.getTime() + (pending ? PENDING_SESSION_MS : life.idleMs));
  const absoluteExpiresAt = new Date(at.getTime() + (pending ? PENDING_SESSION_MS : life.maxMs));
  const [row] = await tx
    .insert(sessions)
    .values({
      idHash: sha256(token),
      userId: input.userId,
      state: input.state,
      csrfToken: randomToken(),
      // A session becomes active only once the password and the second factor are proven.
      authAt: pending ? null : at,
      ip: input.ip,
      userAgent: input.userAgent,
      createdAt: at,
      lastSeenAt: at,
      expiresAt,
      absoluteExpiresAt,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return { token, row };
}

export async function findSession(tx: Tx, token: string): Promise<SessionRow | undefined> {
  const [row] = await tx
    .select()
    .from(sessions)
    .where(eq(sessions.idHash, sha256(token)))
    .limit(1);
  return row;
}

/** The session with this token and its user (null if the account is gone), in one query. */
export async function findSessionWithUser(
  q: Db | Tx,
  token: string,
): Promise<{ session: SessionRow; user: UserRow | null } | undefined> {
  const [row] = await q
    .select({ session: sessions, user: users })
    .from(sessions)
    .leftJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, sha256(token)))
    .limit(1);
  return row;
}

export function isExpired(row: SessionRow, at: Date): boolean {
  return row.expiresAt <= at || row.absoluteExpiresAt <= at;
}

/** Whether `touchSession` would write: an active session last seen a minute ago or more. */
export function needsTouch(row: SessionRow, at: Date): boolean {
  return row.state === "active" && at.getTime() - row.lastSeenAt.getTime() >= 60_000;
}

/** Pushes the idle expiry forward; written at most once a minute to spare the database. */
export async function touchSession(tx: Tx, row: SessionRow, at: Date, life: Lifetimes): Promise<SessionRow> {
  if (!needsTouch(row, at)) return row;
  const expiresAt = new Date(Math.min(at.getTime() + life.idleMs, row.absoluteExpiresAt.getTime()));
  await tx.update(sessions).set({ lastSeenAt: at, expiresAt }).where(eq(sessions.idHash, row.idHash));
  return { ...row, lastSeenAt: at, expiresAt };
}

/**
 * Replaces a session by a new one with a new token (on every change of privilege), so a token
 * seen before sign-in completed is worthless after it.
 */
export async function rotateSession(
  tx: Tx,
  old: SessionRow,
  state: SessionState,
  at: Date,
  life: Lifetimes,
): Promise<{ token: string; row: SessionRow }> {
  await deleteSession(tx, old.idHash);
  return createSession(tx, { userId: old.userId, state, ip: old.ip, userAgent: old.userAgent }, at, life);
}

export async function setPendingTotpSecret(tx: Tx, idHash: string, secret: string | null): Promise<void> {
  await tx.update(sessions).set({ pendingTotpSecret: secret }).where(eq(sessions.idHash, idHash));
}

/** Records a fresh proof of identity (re-authentication before a sensitive action). */
export async function markAuthenticated(tx: Tx, idHash: string, at: Date): Promise<void> {
  await tx.update(sessions).set({ authAt: at, webauthnChallenge: null }).where(eq(sessions.idHash, idHash));
}

/** True when the session's last proof of identity is younger than `windowMs`. */
export function isRecentlyAuthenticated(row: SessionRow, at: Date, windowMs: number): boolean {
  return row.authAt !== null && at.getTime() - row.authAt.getTime() <= windowMs;
}

export async function setWebauthnChallenge(tx: Tx, idHash: string, challenge: string | null): Promise<void> {
  await tx.update(sessions).set({ webauthnChallenge: challenge }).where(eq(sessions.idHash, idHash));
}

/** The challenge offered to this session, cleared as it is read: each challenge is answered once. */
export async function takeWebauthnChallenge(tx: Tx, idHash: string): Promise<string | null> {
  const [row] = await tx
    .select({ challenge: sessions.webauthnChallenge })
    .from(sessions)
    .where(eq(sessions.idHash, idHash))
    .limit(1);
  if (row?.challenge) await setWebauthnChallenge(tx, idHash, null);
  return row?.challenge ?? null;
}

export async function deleteSession(tx: Tx, idHash: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteUserSessions(tx: Tx, userId: string): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(tx: Tx, at: Date): Promise<number> {
  const gone = await tx.delete(sessions).where(lt(sessions.expiresAt, at)).returning({ id: sessions.idHash });
  return gone.length;
}
