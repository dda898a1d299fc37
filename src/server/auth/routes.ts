import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  PreferencesBody,
  SecondFactorBody,
  SessionInfo,
  SignInBody,
  SignInResponse,
  TotpConfirmBody,
  TotpEnrolled,
  TotpEnrolment,
} from "../../shared/auth";
import { ApiError } from "../../shared/errors";
import type { AppContext } from "../context";
import { authOf, clearSessionCookie, guard, requestMeta, setSessionCookie } from "../http/guard";
import { updateMyPreferences } from "./preferences";
import { presentSession } from "./presenter";
import { confirmTotpEnrolment, signIn, signOut, startTotpEnrolment, verifySecondFactor } from "./sign-in";

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 409: ApiError, 423: ApiError };

export function authRoutes(ctx: AppContext): FastifyPluginAsyncZod {
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
        onRequest: guard(ctx, { states: ["pending_totp"] }),
      },
      async (request, reply) => {
        const { token, value } = await verifySecondFactor(
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
        onRequest: guard(ctx, { states: ["pending_enrolment"] }),
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
  };
}
