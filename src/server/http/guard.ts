import type { FastifyReply, FastifyRequest } from "fastify";
import type { SessionState } from "../../shared/auth";
import { can, type Permission } from "../auth/policy";
import { deleteSession, findSession, isExpired, type SessionRow, touchSession } from "../auth/sessions";
import { safeEqual } from "../auth/tokens";
import { findUserById, type UserRow } from "../auth/users";
import type { AppContext, RequestMeta } from "../context";
import type { Actor } from "../db/database";
import { forbidden, HttpError, unauthorized } from "./errors";

export const SESSION_COOKIE = "vigil_session";
export const CSRF_HEADER = "x-csrf-token";

declare module "fastify" {
  interface FastifyRequest {
    auth?: { session: SessionRow; user: UserRow };
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip ?? null, userAgent: request.headers["user-agent"]?.slice(0, 512) ?? null };
}

export function actorOf(user: UserRow): Actor {
  return { userId: user.id, partyId: user.partyId, role: user.role };
}

export type GuardOptions = {
  /** Session states allowed; by default only a fully signed-in one. */
  states?: SessionState[];
  permission?: Permission;
};

/**
 * Resolves the session cookie, refuses expired sessions, checks the CSRF token on every
 * state-changing method, and checks the permission. Handlers then find `request.auth` set.
 */
export function guard(ctx: AppContext, opts: GuardOptions = {}) {
  const states = opts.states ?? ["active"];
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw unauthorized("unauthenticated", "Please sign in.");
    const at = ctx.clock.now();
    const life = { idleMs: ctx.config.sessionIdleMs, maxMs: ctx.config.sessionMaxMs };
    const found = await ctx.db.tx(async (tx) => {
      const session = await findSession(tx, token);
      if (!session) return { error: unauthorized("unauthenticated", "Please sign in.") };
      if (isExpired(session, at)) {
        await deleteSession(tx, session.idHash);
        return { error: unauthorized("session_expired", "Your session has expired. Please sign in again.") };
      }
      const user = await findUserById(tx, session.userId);
      if (!user || user.disabledAt) return { error: unauthorized("unauthenticated", "Please sign in.") };
      return { session: await touchSession(tx, session, at, life), user };
    });
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
    request.auth = { session, user };
  };
}

/** The signed-in caller; only valid in handlers behind `guard`. */
export function authOf(request: FastifyRequest): { session: SessionRow; user: UserRow } {
  if (!request.auth) throw new Error("route is missing its guard");
  return request.auth;
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
