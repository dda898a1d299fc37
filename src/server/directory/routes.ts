import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { PartyList } from "../../shared/directory";
import { ApiError } from "../../shared/errors";
import type { AppContext } from "../context";
import { authOf, guard, requestMeta } from "../http/guard";
import { listParties } from "./list-parties";

export function directoryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/directory/parties",
      {
        schema: {
          tags: ["directory"],
          summary: "The Parties of the Network, with their contact point counts",
          response: { 200: PartyList, 401: ApiError, 403: ApiError },
        },
        preHandler: guard(ctx, { permission: "directory.read" }),
      },
      async (request) => ({ parties: await listParties(ctx, authOf(request).user, requestMeta(request)) }),
    );
  };
}
