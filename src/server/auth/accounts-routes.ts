import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AcceptInvitationBody,
  Account,
  AccountChange,
  AccountInput,
  AccountList,
  AccountListQuery,
  InvitationStatus,
  InvitationToken,
} from "../../shared/accounts";
import { ApiError } from "../../shared/errors";
import type { AppContext } from "../context";
import { authOf, guard, requestMeta } from "../http/guard";
import { rateLimit } from "../http/rate-limit";
import { acceptInvitation, changeAccount, inviteAccount, listAccounts, readInvitation, resetAccount } from "./accounts";

const tags = ["accounts"];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const IdParam = z.object({ id: z.uuid() });
const TokenParam = z.object({ token: InvitationToken });

export function accountRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const read = guard(ctx, { permission: "admin.users" });
  // Creating an account, changing a role, disabling or resetting: a recent proof of identity.
  const sensitive = guard(ctx, { permission: "admin.users", recentAuth: true });
  // The invitation link is a secret in a URL: guessing is stopped like the other unauthenticated links.
  const linkLimit = rateLimit(ctx, "link", ctx.config.rateLimits.links);
  return async (app) => {
    app.get(
      "/api/admin/users",
      {
        schema: {
          tags,
          summary: "Accounts I manage: every account (Secretariat) or my Party's (Party admin)",
          querystring: AccountListQuery,
          response: { 200: AccountList, ...errors },
        },
        onRequest: read,
      },
      async (request) => listAccounts(ctx, authOf(request).user, request.query, requestMeta(request)),
    );
    app.post(
      "/api/admin/users",
      {
        schema: {
          tags,
          summary: "Create an account; the person receives a one-time link to choose a password",
          body: AccountInput,
          response: { 201: Account, ...errors },
        },
        onRequest: sensitive,
      },
      async (request, reply) =>
        reply.code(201).send(await inviteAccount(ctx, authOf(request).user, request.body, requestMeta(request))),
    );
    app.patch(
      "/api/admin/users/:id",
      {
        schema: {
          tags,
          summary: "Change an account's role, or disable or enable it (its sessions end)",
          params: IdParam,
          body: AccountChange,
          response: { 200: Account, ...errors },
        },
        onRequest: sensitive,
      },
      async (request) =>
        changeAccount(ctx, authOf(request).user, request.params.id, request.body, requestMeta(request)),
    );
    app.post(
      "/api/admin/users/:id/reset",
      {
        schema: {
          tags,
          summary: "Reset an account (lost phone, forgotten password): a new one-time link by e-mail",
          params: IdParam,
          response: { 200: Account, ...errors },
        },
        onRequest: sensitive,
      },
      async (request) => resetAccount(ctx, authOf(request).user, request.params.id, requestMeta(request)),
    );
    app.get(
      "/api/invitations/:token",
      {
        schema: {
          tags,
          summary: "Whether an invitation link can be used (reading it records nothing)",
          params: TokenParam,
          response: { 200: InvitationStatus, 400: ApiError, 429: ApiError },
        },
        onRequest: linkLimit,
      },
      async (request) => readInvitation(ctx, request.params.token),
    );
    app.post(
      "/api/invitations/:token",
      {
        schema: {
          tags,
          summary: "Choose the account's password with an invitation link (once)",
          params: TokenParam,
          body: AcceptInvitationBody,
          response: {
            200: z.object({ email: z.string() }),
            400: ApiError,
            404: ApiError,
            409: ApiError,
            410: ApiError,
            429: ApiError,
          },
        },
        onRequest: linkLimit,
      },
      async (request) => acceptInvitation(ctx, request.params.token, request.body, requestMeta(request)),
    );
  };
}
