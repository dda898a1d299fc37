import { and, desc, eq, isNull, lte, or } from "drizzle-orm";
import {
  API_TOKEN_SCOPES,
  type ApiToken,
  type ApiTokenCreated,
  type ApiTokenInput,
  type ApiTokenScope,
} from "../../shared/api-tokens";
import { appendAudit } from "../audit/log";
import { can } from "../auth/policy";
import { type ApiTokenPrincipal, actorOf } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import { users } from "../auth/tables";
import { randomToken, sha256 } from "../auth/tokens";
import type { UserRow } from "../auth/users";
import type { AppContext, RequestMeta } from "../context";
import type { Db, Tx } from "../db/database";
import { parties } from "../directory/tables";
import { badRequest, forbidden, type HttpError, notFound, unauthorized } from "../http/errors";
import { apiTokens } from "./tables";

/**
 * A Party's API tokens: its national systems call the API with `Authorization: Bearer vgl_…`.
 * The admin sees a token once, when it is created; Vigil keeps only its SHA-256.
 */

const TOKEN_PREFIX = "vgl_";
/** "vgl_" and 256 random bits in base64url (43 characters). */
const TOKEN_FORMAT = /^vgl_[A-Za-z0-9_-]{43}$/;
/** "vgl_" and 8 random characters (48 bits) to tell tokens apart in lists; 208 bits stay secret. */
const SHOWN_PREFIX_LENGTH = 12;
/** last_used_at is written at most this often per token: a poll every second costs no write. */
const LAST_USED_RESOLUTION_MS = 60_000;

type ApiTokenRow = typeof apiTokens.$inferSelect;

function requireManage(user: UserRow): string {
  if (!user.partyId || !can(user, "apiTokens.manage")) {
    throw forbidden("Only a Party's administrator manages its API tokens.");
  }
  return user.partyId;
}

function present(row: ApiTokenRow, iso2: string, createdBy: string | null): ApiToken {
  return {
    id: row.id,
    partyIso2: iso2,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes as ApiTokenScope[],
    createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

const listed = { token: apiTokens, iso2: parties.iso2, createdBy: users.displayName };

function selectListed(tx: Tx) {
  return tx
    .select(listed)
    .from(apiTokens)
    .innerJoin(parties, eq(parties.id, apiTokens.partyId))
    .leftJoin(users, eq(users.id, apiTokens.createdBy));
}

export async function createApiToken(
  ctx: AppContext,
  user: UserRow,
  input: ApiTokenInput,
  meta: RequestMeta,
): Promise<ApiTokenCreated> {
  const partyId = requireManage(user);
  const at = ctx.clock.now();
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt <= at) {
    const message = "The expiry must be in the future";
    throw badRequest("invalid_input", `Invalid input: body.expiresAt: ${message}`, [
      { path: "body.expiresAt", message },
    ]);
  }
  // Each scope once, in a stable order.
  const scopes = API_TOKEN_SCOPES.filter((scope) => input.scopes.includes(scope));
  const token = `${TOKEN_PREFIX}${randomToken()}`;
  return ctx.db.tx(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({
        partyId,
        name: input.name,
        scopes,
        tokenHash: sha256(token),
        prefix: token.slice(0, SHOWN_PREFIX_LENGTH),
        createdBy: user.id,
        createdAt: at,
        expiresAt,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "api_token.created",
      targetType: "api_token",
      targetId: row.id,
      details: { name: row.name, prefix: row.prefix, scopes, expiresAt: expiresAt?.toISOString() ?? null },
    });
    const [party] = await tx.select({ iso2: parties.iso2 }).from(parties).where(eq(parties.id, partyId));
    return { apiToken: present(row, party?.iso2 ?? "", user.displayName), token };
  }, actorOf(user));
}

/** The caller's Party's tokens, newest first, revoked ones included; never a token itself. */
export async function listApiTokens(ctx: AppContext, user: UserRow): Promise<ApiToken[]> {
  const partyId = requireManage(user);
  return ctx.db.tx(async (tx) => {
    const rows = await selectListed(tx).where(eq(apiTokens.partyId, partyId)).orderBy(desc(apiTokens.createdAt));
    return rows.map((r) => present(r.token, r.iso2, r.createdBy));
  }, actorOf(user));
}

/** Revokes at once: the next call with the token is refused. Revoking twice changes nothing. */
export async function revokeApiToken(ctx: AppContext, user: UserRow, id: string, meta: RequestMeta): Promise<ApiToken> {
  const partyId = requireManage(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const ownToken = and(eq(apiTokens.id, id), eq(apiTokens.partyId, partyId));
    // Another Party's token answers as an unknown one: its existence is not theirs to learn.
    const [found] = await selectListed(tx).where(ownToken);
    if (!found) throw notFound("No such API token for your Party.");
    if (found.token.revokedAt) return present(found.token, found.iso2, found.createdBy);
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: at, revokedBy: user.id })
      .where(and(ownToken, isNull(apiTokens.revokedAt)))
      .returning();
    if (!row) throw new Error("update returned no row");
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "api_token.revoked",
      targetType: "api_token",
      targetId: row.id,
      details: { name: row.name, prefix: row.prefix },
    });
    return present(row, found.iso2, found.createdBy);
  }, actorOf(user));
}

/** `found`: the token's row as it now stands (its last use recorded), for the guard to keep. */
export type TokenCheck =
  | { ok: true; principal: ApiTokenPrincipal; found: FoundToken }
  | { ok: false; error: HttpError };

export type FoundToken = { token: ApiTokenRow; iso2: string };

/** The refusal of a token that names no valid token (unknown, malformed). */
export const invalidToken = (): HttpError =>
  unauthorized("api_token_invalid", "This API token is not valid. Check the Authorization header.");

/** The token with this value and its Party's code, if any (looked up by its hash). */
export async function findApiToken(q: Db | Tx, token: string): Promise<FoundToken | undefined> {
  if (!TOKEN_FORMAT.test(token)) return undefined;
  const [found] = await q
    .select({ token: apiTokens, iso2: parties.iso2 })
    .from(apiTokens)
    .innerJoin(parties, eq(parties.id, apiTokens.partyId))
    .where(eq(apiTokens.tokenHash, sha256(token)))
    .limit(1);
  return found;
}

function tokenPrincipal({ token: row, iso2 }: FoundToken): ApiTokenPrincipal {
  return {
    kind: "api_token",
    id: row.id,
    role: "officer",
    partyId: row.partyId,
    scopes: row.scopes as ApiTokenScope[],
    label: `API token ${row.prefix}… "${row.name}" (${row.id}) of ${iso2}`,
  };
}

function refusalOf(row: ApiTokenRow, at: Date): HttpError | null {
  return row.revokedAt
    ? unauthorized("api_token_revoked", `This API token was revoked on ${row.revokedAt.toISOString()}.`)
    : row.expiresAt && row.expiresAt <= at
      ? unauthorized("api_token_expired", `This API token expired on ${row.expiresAt.toISOString()}.`)
      : null;
}

const lastUseStale = (row: ApiTokenRow, at: Date) =>
  !row.lastUsedAt || at.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS;

/**
 * The caller of a token found by `findApiToken` when that lookup is all the call needs: the token
 * is valid and its last use was recorded less than a minute ago. Otherwise null, and the caller
 * goes through `resolveApiToken`, which writes (the refusal's audit row, the time of last use).
 */
export function readyPrincipal(found: FoundToken | undefined, at: Date): ApiTokenPrincipal | null {
  if (!found || refusalOf(found.token, at) || lastUseStale(found.token, at)) return null;
  return tokenPrincipal(found);
}

/**
 * The caller behind a Bearer token, or why it is refused. Runs in the caller's transaction, which
 * must commit even on refusal: the use of a revoked or expired token is audited (a forgotten
 * system, or a stolen token). An unknown token is not: anyone could fill the trail with them.
 */
export async function resolveApiToken(tx: Tx, token: string, at: Date, meta: RequestMeta): Promise<TokenCheck> {
  const unknown = invalidToken();
  const found = await findApiToken(tx, token);
  if (!found) return { ok: false, error: unknown };
  const row = found.token;
  const principal = tokenPrincipal(found);
  const refusal = refusalOf(row, at);
  if (refusal) {
    await appendAudit(tx, at, auditWho(principal, meta), {
      action: "api_token.refused",
      targetType: "api_token",
      targetId: row.id,
      details: { reason: refusal.code },
    });
    return { ok: false, error: refusal };
  }
  if (lastUseStale(row, at)) {
    // Conditional, so that concurrent calls of the same token write it once.
    const written = await tx
      .update(apiTokens)
      .set({ lastUsedAt: at })
      .where(
        and(
          eq(apiTokens.id, row.id),
          or(isNull(apiTokens.lastUsedAt), lte(apiTokens.lastUsedAt, new Date(at.getTime() - LAST_USED_RESOLUTION_MS))),
        ),
      )
      .returning({ id: apiTokens.id });
    if (written.length > 0) return { ok: true, principal, found: { ...found, token: { ...row, lastUsedAt: at } } };
  }
  return { ok: true, principal, found };
}
