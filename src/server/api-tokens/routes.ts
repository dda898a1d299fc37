import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiToken, ApiTokenCreated, ApiTokenInput, ApiTokenList } from "../../shared/api-tokens";
import { ApiError } from "../../shared/errors";
import type { AppContext } from "../context";
import { authOf, guard, requestMeta } from "../http/guard";
import { createApiToken, listApiTokens, revokeApiToken } from "./api-tokens";

const tags = ["api-tokens"];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };
const IdParam = z.object({ id: z.uuid() });

/** Managing tokens needs a signed-in Party admin: a token cannot make or revoke tokens. */
export function apiTokenRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const manage = guard(ctx, { permission: "apiTokens.manage" });
  // Creating and revoking a token are sensitive: a recent proof of identity is needed.
  const sensitive = guard(ctx, { permission: "apiTokens.manage", recentAuth: true });
  return async (app) => {
    app.get(
      "/api/api-tokens",
      {
        schema: {
          tags,
          summary: "My Party's API tokens (never the tokens themselves)",
          response: { 200: ApiTokenList, ...errors },
        },
        onRequest: manage,
      },
      async (request) => ({ tokens: await listApiTokens(ctx, authOf(request).user) }),
    );
    app.post(
      "/api/api-tokens",
      {
        schema: {
          tags,
          summary: "Create an API token; the token is in this answer only",
          body: ApiTokenInput,
          response: { 201: ApiTokenCreated, ...errors },
        },
        onRequest: sensitive,
      },
      async (request, reply) =>
        reply.code(201).send(await createApiToken(ctx, authOf(request).user, request.body, requestMeta(request))),
    );
    app.post(
      "/api/api-tokens/:id/revoke",
      {
        schema: {
          tags,
          summary: "Revoke an API token at once",
          params: IdParam,
          response: { 200: ApiToken, ...errors },
        },
        onRequest: sensitive,
      },
      async (request) => revokeApiToken(ctx, authOf(request).user, request.params.id, requestMeta(request)),
    );
  };
}
