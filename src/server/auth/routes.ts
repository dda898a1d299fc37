import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AddSecurityKeyBody,
  PreferencesBody,
  ReauthBody,
  SecondFactorBody,
  SecurityKeyInfo,
  SecurityKeySignInBody,
  SessionInfo,
  SignInBody,
  SignInResponse,
  TotpConfirmBody,
  TotpEnrolled,
  TotpEnrolment,
  WebAuthnOptions,
} from "../../shared/auth";
import { ApiError } from "../../shared/errors";
import type { AppContext } from "../context";
import { authOf, clearSessionCookie, guard, requestMeta, setSessionCookie } from "../http/guard";
import { rateLimit } from "../http/rate-limit";
import { updateMyPreferences } from "./preferences";
import { presentSession } from "./presenter";
import {
  addSecurityKey,
  authenticationOptions,
  listSecurityKeys,
  registrationOptions,
  removeSecurityKey,
} from "./security-keys";
import {
  confirmTotpEnrolment,
  reauthenticate,
  type SecondFactor,
  signIn,
  signOut,
  startTotpEnrolment,
  verifySecondFactor,
} from "./sign-in";

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 409: ApiError, 423: ApiError, 429: ApiError };

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  // Every step that checks a secret counts against the client address's sign-in allowance.
  const attempt = rateLimit(ctx, "sign-in", ctx.config.rateLimits.signIn);
  /** The second step of signing in, by code or by security key: the session becomes active. */
  const finishSignIn = async (request: FastifyRequest, reply: FastifyReply, factor: SecondFactor) => {
    const { token, value } = await verifySecondFactor(ctx, authOf(request).session, factor, requestMeta(request));
    setSessionCookie(reply, token, ctx);
    return value;
  };
  return async (app) => {
    app.post(
      "/api/auth/sign-in",
      {
        schema: {
          tags: ["auth"],
          summary: "Sign in: e-mail and password",
          body: SignInBody,
          response: { 200: SignInResponse, ...errors },
        },
        onRequest: attempt,
      },
      async (request, reply) => {
        const { token, value } = await signIn(ctx, request.body, requestMeta(request));
        setSessionCookie(reply, token, ctx);
        return value;
      },
    );

    app.post(
      "/api/auth/totp",
      {
        schema: {
          tags: ["auth"],
          summary: "Sign in: second factor (TOTP or recovery code)",
          body: SecondFactorBody,
          response: { 200: SessionInfo, ...errors },
        },
        onRequest: [attempt, guard(ctx, { states: ["pending_totp"] })],
      },
      async (request, reply) => finishSignIn(request, reply, { code: request.body.code }),
    );

    app.post(
      "/api/auth/security-key/options",
      {
        schema: {
          tags: ["auth"],
          summary: "A challenge for the account's security keys (sign-in after the password, or re-authentication)",
          response: { 200: WebAuthnOptions, ...errors },
        },
        onRequest: guard(ctx, { states: ["pending_totp", "active"] }),
      },
      async (request) => authenticationOptions(ctx, authOf(request).session),
    );

    app.post(
      "/api/auth/security-key",
      {
        schema: {
          tags: ["auth"],
          summary: "Sign in: second factor with a security key",
          body: SecurityKeySignInBody,
          response: { 200: SessionInfo, ...errors },
        },
        onRequest: [attempt, guard(ctx, { states: ["pending_totp"] })],
      },
      async (request, reply) => finishSignIn(request, reply, { securityKey: request.body.response }),
    );

    app.post(
      "/api/auth/reauth",
      {
        schema: {
          tags: ["auth"],
          summary: "Confirm password and second factor again, before a sensitive action",
          body: ReauthBody,
          response: { 204: z.null(), ...errors },
        },
        onRequest: [attempt, guard(ctx)],
      },
      async (request, reply) => {
        await reauthenticate(ctx, authOf(request).session, request.body, requestMeta(request));
        return reply.code(204).send(null);
      },
    );

    app.get(
      "/api/auth/totp/enrolment",
      {
        schema: {
          tags: ["auth"],
          summary: "Start authenticator enrolment (QR code)",
          response: { 200: TotpEnrolment, ...errors },
        },
        onRequest: guard(ctx, { states: ["pending_enrolment"] }),
      },
      async (request) => startTotpEnrolment(ctx, authOf(request).session),
    );

    app.post(
      "/api/auth/totp/enrolment",
      {
        schema: {
          tags: ["auth"],
          summary: "Confirm authenticator enrolment",
          body: TotpConfirmBody,
          response: { 200: TotpEnrolled, ...errors },
        },
        onRequest: [attempt, guard(ctx, { states: ["pending_enrolment"] })],
      },
      async (request, reply) => {
        const { token, value } = await confirmTotpEnrolment(
          ctx,
          authOf(request).session,
          request.body.code,
          requestMeta(request),
        );
        setSessionCookie(reply, token, ctx);
        return value;
      },
    );

    app.get(
      "/api/auth/session",
      {
        schema: { tags: ["auth"], summary: "The current session", response: { 200: SessionInfo, ...errors } },
        onRequest: guard(ctx, { states: ["active", "pending_totp", "pending_enrolment"] }),
      },
      async (request) => {
        const { session, user } = authOf(request);
        return ctx.db.tx((tx) => presentSession(tx, session, user));
      },
    );

    app.post(
      "/api/auth/sign-out",
      {
        schema: { tags: ["auth"], summary: "Sign out", response: { 204: z.null(), ...errors } },
        onRequest: guard(ctx, { states: ["active", "pending_totp", "pending_enrolment"] }),
      },
      async (request, reply) => {
        await signOut(ctx, authOf(request).session, requestMeta(request));
        clearSessionCookie(reply);
        return reply.code(204).send(null);
      },
    );

    app.patch(
      "/api/me/preferences",
      {
        schema: {
          tags: ["auth"],
          summary: "Change my language or time zone",
          body: PreferencesBody,
          response: { 200: SessionInfo, ...errors },
        },
        onRequest: guard(ctx),
      },
      async (request) => updateMyPreferences(ctx, authOf(request), request.body, requestMeta(request)),
    );

    // --- My security keys ----------------------------------------------------------------------
    app.get(
      "/api/me/security-keys",
      {
        schema: { tags: ["auth"], summary: "My security keys", response: { 200: z.array(SecurityKeyInfo), ...errors } },
        onRequest: guard(ctx),
      },
      async (request) => listSecurityKeys(ctx, authOf(request).user),
    );
    app.post(
      "/api/me/security-keys/options",
      {
        schema: {
          tags: ["auth"],
          summary: "Start adding a security key (options for the browser)",
          response: { 200: WebAuthnOptions, ...errors },
        },
        onRequest: guard(ctx, { recentAuth: true }),
      },
      async (request) => {
        const { session, user } = authOf(request);
        return registrationOptions(ctx, session, user);
      },
    );
    app.post(
      "/api/me/security-keys",
      {
        schema: {
          tags: ["auth"],
          summary: "Add a security key (the browser's answer to the options)",
          body: AddSecurityKeyBody,
          response: { 201: SecurityKeyInfo, ...errors },
        },
        onRequest: guard(ctx, { recentAuth: true }),
      },
      async (request, reply) => {
        const { session, user } = authOf(request);
        return reply.code(201).send(await addSecurityKey(ctx, session, user, request.body, requestMeta(request)));
      },
    );
    app.delete(
      "/api/me/security-keys/:id",
      {
        schema: {
          tags: ["auth"],
          summary: "Remove one of my security keys",
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null(), 404: ApiError, ...errors },
        },
        onRequest: guard(ctx, { recentAuth: true }),
      },
      async (request, reply) => {
        await removeSecurityKey(ctx, authOf(request).user, request.params.id, requestMeta(request));
        return reply.code(204).send(null);
      },
    );
  };
}
