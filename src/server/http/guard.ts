import type { FastifyReply, FastifyRequest } from "fastify";
import type { ApiTokenScope } from "../../shared/api-tokens";
import { REAUTH_REQUIRED, type SessionState } from "../../shared/auth";
import { findApiToken, invalidToken, readyPrincipal, resolveApiToken } from "../api-tokens/api-tokens";
import { KnownTokens, knownTokensOf } from "../api-tokens/known-tokens";
import { can, type Permission } from "../auth/policy";
import type { ApiTokenPrincipal, Principal } from "../auth/principal";
import {
  deleteSession,
  findSession,
  findSessionWithUser,
  isExpired,
  isRecentlyAuthenticated,
  needsTouch,
  type SessionRow,
  touchSession,
} from "../auth/sessions";
import { safeEqual } from "../auth/tokens";
import { findUserById, type UserRow } from "../auth/users";
import type { AppContext, RequestMeta } from "../context";
import { SYSTEM_ACTOR } from "../db/database";
import { forbidden, HttpError, unauthorized } from "./errors";

export { actorOf } from "../auth/principal";

export const SESSION_COOKIE = "vigil_session";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    auth?: { session: SessionRow; user: UserRow };
    /** Set instead of `auth` when a route that declares a scope was called with an API token. */
    apiToken?: ApiTokenPrincipal;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip ?? null, userAgent: request.headers["user-agent"]?.slice(0, 512) ?? null };
}

export type GuardOptions = {
  /** Session states allowed; by default only a fully signed-in one. */
  states?: SessionState[];
  permission?: Permission;
  /**
   * The route also accepts a Party's API token (`Authorization: Bearer vgl_…`) that has this
   * scope; the token must also pass `permission` as an officer of its Party would.
   */
  scope?: ApiTokenScope;
  /**
   * A sensitive action (exports, tokens, webhooks, second factors…): the session must have proven
   * its user (password and second factor) within the configured window (VIGIL_REAUTH_MINUTES),
   * else 403 `reauth_required` and the client asks for them again (POST /api/auth/reauth).
   * An API token is not a session and is not asked: its scope is its limit.
   */
  recentAuth?: boolean;
  /**
   * The handler acts in a transaction as the caller (actorOf), whose first statement refuses a
   * revoked API token: the guard may then take the token from this instance's memory instead of
   * looking it up (known-tokens.ts). Default true; false for a handler that reads nothing from the
   * database, for which the token is looked up on every call.
   */
  transactional?: boolean;
};

/** The token of an `Authorization: Bearer …` header (the scheme is case-insensitive), if any. */
function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== "string") return null;
  const match = /^bearer\s+(.*)$/i.exec(header.trim());
  return match ? (match[1] ?? "") : null;
}

const INVALID_TOKEN = 'Bearer realm="vigil", error="invalid_token"';

/**
 * An API token call: no cookie, so no CSRF token is needed (a browser never adds this header by
 * itself). 401 for an unknown, revoked or expired token; 403 for a token without the route's scope.
 */
async function authenticateToken(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  scope: ApiTokenScope,
  { permission, transactional }: GuardOptions,
): Promise<ApiTokenPrincipal> {
  const at = ctx.clock.now();
  const known = knownTokensOf(ctx.db);
  const hash = KnownTokens.hashOf(token);
  // A token used within the minute is known here: no lookup (its revocation is checked by the
  // handler's transaction). Otherwise, who calls is not known yet: the token is looked up by its
  // hash, outside row-level security (as the system would, its Party's rows being hidden from
  // everyone else), and the use case then acts as it. Most of those calls only read: one lookup.
  // A refusal (audited) or a stale last use (recorded) writes.
  let principal = transactional === false ? null : readyPrincipal(known.get(hash), at);
  if (!principal) {
    const found = await ctx.db.lookup((db) => findApiToken(db, token));
    principal = readyPrincipal(found, at);
    if (principal && found) known.remember(hash, found);
  }
  if (!principal) {
    const checked = await ctx.db.tx((tx) => resolveApiToken(tx, token, at, requestMeta(request)), SYSTEM_ACTOR);
    if (!checked.ok) {
      known.forget(hash);
      reply.header("www-authenticate", INVALID_TOKEN);
      throw checked.error;
    }
    known.remember(hash, checked.found);
    principal = checked.principal;
  }
  if (!principal.scopes.includes(scope) || (permission && !can(principal, permission))) {
    reply.header("www-authenticate", `Bearer realm="vigil", error="insufficient_scope", scope="${scope}"`);
    throw new HttpError(403, "insufficient_scope", `This API token lacks the scope ${scope} that this route needs.`);
  }
  return principal;
}

/**
 * Resolves the session cookie, refuses expired sessions, checks the CSRF token on every
 * state-changing method, and checks the permission. Handlers then find `request.auth` set; on a
 * route with a `scope`, a Bearer token is accepted instead and `request.apiToken` is set.
 */
export function guard(ctx: AppContext, opts: GuardOptions = {}) {
  const states = opts.states ?? ["active"];
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const bearer = bearerToken(request);
    if (bearer !== null && opts.scope) {
      request.apiToken = await authenticateToken(ctx, request, reply, bearer, opts.scope, opts);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) {
      if (bearer !== null) {
        throw unauthorized(
          "api_token_not_accepted",
          "This route does not accept API tokens: it needs a signed-in user.",
        );
      }
      throw unauthorized("unauthenticated", "Please sign in.");
    }
    const at = ctx.clock.now();
    const life = { idleMs: ctx.config.sessionIdleMs, maxMs: ctx.config.sessionMaxMs };
    // Most calls only read: one lookup of the session and its user. An expired session (deleted)
    // or one last seen a minute ago (its idle expiry pushed forward) goes through a transaction.
    const seen = await ctx.db.lookup((db) => findSessionWithUser(db, token));
    const ready =
      seen?.user && !seen.user.disabledAt && !isExpired(seen.session, at) && !needsTouch(seen.session, at)
        ? { session: seen.session, user: seen.user }
        : null;
    const found =
      ready ??
      (await ctx.db.tx(async (tx) => {
        const session = await findSession(tx, token);
        if (!session) return { error: unauthorized("unauthenticated", "Please sign in.") };
        if (isExpired(session, at)) {
          await deleteSession(tx, session.idHash);
          return { error: unauthorized("session_expired", "Your session has expired. Please sign in again.") };
        }
        const user = await findUserById(tx, session.userId);
        if (!user || user.disabledAt) return { error: unauthorized("unauthenticated", "Please sign in.") };
        return { session: await touchSession(tx, session, at, life), user };
      }));
    if ("error" in found) throw found.error;
    const { session, user } = found;
    if (!states.includes(session.state)) {
      throw session.state === "active"
        ? new HttpError(409, "already_signed_in", "You are already signed in.")
        : unauthorized("second_factor_required", "Enter your authentication code to finish signing in.");
    }
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !safeEqual(sent, session.csrfToken)) {
        throw new HttpError(403, "csrf_token_invalid", `Missing or wrong ${CSRF_HEADER} header.`);
      }
    }
    if (opts.permission && !can(user, opts.permission)) {
      throw forbidden();
    }
    if (opts.recentAuth && !isRecentlyAuthenticated(session, at, ctx.config.reauthMs)) {
      throw new HttpError(
        403,
        REAUTH_REQUIRED,
        "This action needs you to confirm your password and second factor again.",
      );
    }
    request.auth = { session, user };
  };
}

/**
 * The answer to a request whose transaction refused its API token (isTokenRefused): the token was
 * revoked after this instance last looked it up, here or on another instance. It is forgotten, and
 * the refusal is answered and audited as the guard would have on a fresh lookup.
 */
export async function refuseKnownToken(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<HttpError> {
  const token = bearerToken(request) ?? "";
  knownTokensOf(ctx.db).forget(KnownTokens.hashOf(token));
  reply.header("www-authenticate", INVALID_TOKEN);
  const invalid = invalidToken();
  // If even that fails (the database went away meanwhile), the call is still refused.
  const checked = await ctx.db
    .tx((tx) => resolveApiToken(tx, token, ctx.clock.now(), requestMeta(request)), SYSTEM_ACTOR)
    .catch(() => ({ ok: false as const, error: invalid }));
  return checked.ok ? invalid : checked.error;
}

/** The signed-in caller; only valid in handlers behind `guard`. */
export function authOf(request: FastifyRequest): { session: SessionRow; user: UserRow } {
  if (!request.auth)
    throw new Error(request.apiToken ? "route takes API tokens: use principalOf" : "route is missing its guard");
  return request.auth;
}

/** The caller, user or API token; for handlers behind a `guard` with a `scope`. */
export function principalOf(request: FastifyRequest): Principal {
  const principal = request.apiToken ?? request.auth?.user;
  if (!principal) throw new Error("route is missing its guard");
  return principal;
}

/**
 * The OpenAPI `security` of a route that accepts a session or an API token with `scope`
 * (schemes declared in app.ts).
 */
export function sessionOrToken(scope: ApiTokenScope): { [scheme: string]: string[] }[] {
  return [{ session: [] }, { apiToken: [scope] }];
}

export function setSessionCookie(reply: FastifyReply, token: string, ctx: AppContext): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    secure: true,
    sameSite: "strict",
    maxAge: Math.floor(ctx.config.sessionMaxMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/", httpOnly: true, secure: true, sameSite: "strict" });
}
