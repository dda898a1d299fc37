import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError } from "../../shared/errors";
import { Incident, IncidentInput, IncidentList, IncidentUpdateInput } from "../../shared/incidents";
import type { AppContext } from "../context";
import { guard, principalOf, requestMeta } from "../http/guard";
import { listIncidents, readIncident, recordIncident, updateIncident } from "./incidents";

const tags = ["incidents"];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const IdParam = z.object({ id: z.uuid("Not an incident id") });

export function incidentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const read = guard(ctx, { permission: "incidents.read" });
  const manage = guard(ctx, { permission: "incidents.manage" });
  return async (app) => {
    app.get(
      "/api/incidents",
      {
        schema: {
          tags,
          summary: "Security incidents: all for the Secretariat, those affecting my Party for its members",
          response: { 200: IncidentList, ...errors },
        },
        onRequest: read,
      },
      async (request) => listIncidents(ctx, principalOf(request), requestMeta(request)),
    );
    app.post(
      "/api/incidents",
      {
        schema: {
          tags,
          summary: "Record a security incident; the affected Parties are told at once (Art. 14(7))",
          body: IncidentInput,
          response: { 201: Incident, ...errors },
        },
        onRequest: manage,
      },
      async (request, reply) =>
        reply.code(201).send(await recordIncident(ctx, principalOf(request), request.body, requestMeta(request))),
    );
    app.get(
      "/api/incidents/:id",
      {
        schema: {
          tags,
          summary: "A security incident (the read is logged)",
          params: IdParam,
          response: { 200: Incident, ...errors },
        },
        onRequest: read,
      },
      async (request) => readIncident(ctx, principalOf(request), request.params.id, requestMeta(request)),
    );
    app.post(
      "/api/incidents/:id/updates",
      {
        schema: {
          tags,
          summary: "Add an update (a note, a new status, Parties found affected since)",
          params: IdParam,
          body: IncidentUpdateInput,
          response: { 200: Incident, ...errors },
        },
        onRequest: manage,
      },
      async (request) =>
        updateIncident(ctx, principalOf(request), request.params.id, request.body, requestMeta(request)),
    );
  };
}
