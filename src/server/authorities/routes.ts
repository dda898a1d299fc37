import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  AuthoritiesExportFormat,
  AuthoritiesOverview,
  AuthoritiesReleaseSummary,
  AuthorityRole,
  AuthoritySubmission,
  CampaignInput,
  CollectionProgress,
  DeclarationInput,
  PartyAuthorities,
  PublishAuthoritiesRelease,
  RemindResult,
} from "../../shared/authorities";
import { Iso2 } from "../../shared/directory";
import { ApiError } from "../../shared/errors";
import type { AppContext } from "../context";
import { guard, principalOf, requestMeta } from "../http/guard";
import { overview, partyAuthorities, recordDeclaration, submitAuthorities } from "./authorities";
import { collectionProgress, remindCampaign, startCampaign } from "./campaigns";
import { exportAuthoritiesRelease, listAuthoritiesReleases, publishAuthoritiesRelease } from "./releases";

/** The authorities directory's HTTP surface: handlers parse, call one use case, and answer. */

const tags = ["authorities"];
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const Iso2Param = z.object({ iso2: Iso2 });
const VersionParam = z.object({ version: z.string().min(1).max(40) });

export function authorityRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  // Observers and auditors hold no authorities permission: every route refuses them at the gate.
  const read = guard(ctx, { permission: "authorities.read" });
  const manage = guard(ctx, { permission: "authorities.manage" });
  // Exporting the whole directory is a sensitive action, as for the contact-point directory.
  const exportGuard = guard(ctx, { permission: "authorities.read", recentAuth: true });

  return async (app) => {
    app.get(
      "/api/authorities",
      {
        schema: {
          tags,
          summary: "Every Party's Art. 27 and Art. 24 authorities at a glance, and how many Parties answered",
          response: { 200: AuthoritiesOverview, ...errors },
        },
        onRequest: read,
      },
      async (request) => overview(ctx, principalOf(request), requestMeta(request)),
    );
    app.get(
      "/api/authorities/parties/:iso2",
      {
        schema: {
          tags,
          summary: "A Party's authorities: each field with its source, the declarations, the discrepancies",
          params: Iso2Param,
          response: { 200: PartyAuthorities, ...errors },
        },
        onRequest: read,
      },
      async (request) => partyAuthorities(ctx, principalOf(request), request.params.iso2, requestMeta(request)),
    );
    app.put(
      "/api/authorities/parties/:iso2/submission",
      {
        schema: {
          tags,
          summary: "Answer the collection form for one's own Party (the Secretariat: for any Party)",
          params: Iso2Param,
          body: AuthoritySubmission,
          response: { 200: PartyAuthorities, ...errors },
        },
        // Members pass the gate; that it is their own Party is the use case's check.
        onRequest: read,
      },
      async (request) =>
        submitAuthorities(ctx, principalOf(request), request.params.iso2, request.body, requestMeta(request)),
    );
    app.put(
      "/api/authorities/parties/:iso2/declarations/:role",
      {
        schema: {
          tags,
          summary: "Record a Party's official declaration for one authority (Secretariat)",
          params: z.object({ iso2: Iso2, role: AuthorityRole }),
          body: DeclarationInput,
          response: { 200: PartyAuthorities, ...errors },
        },
        onRequest: manage,
      },
      async (request) =>
        recordDeclaration(
          ctx,
          principalOf(request),
          request.params.iso2,
          request.params.role,
          request.body,
          requestMeta(request),
        ),
    );

    // --- The collection campaign (Secretariat) ------------------------------------------------
    app.get(
      "/api/authorities/progress",
      {
        schema: {
          tags,
          summary: '"N/M Parties provided input", the missing fields per Party, the latest campaign',
          response: { 200: CollectionProgress, ...errors },
        },
        onRequest: manage,
      },
      async (request) => collectionProgress(ctx, principalOf(request)),
    );
    app.post(
      "/api/authorities/campaigns",
      {
        schema: {
          tags,
          summary: "Ask every Party without an answer, or with empty fields, to fill in the form",
          body: CampaignInput,
          response: { 201: CollectionProgress, ...errors },
        },
        onRequest: manage,
      },
      async (request, reply) =>
        reply.code(201).send(await startCampaign(ctx, principalOf(request), request.body, requestMeta(request))),
    );
    app.post(
      "/api/authorities/campaigns/:id/remind",
      {
        schema: {
          tags,
          summary: "Remind the campaign's Parties that still miss something",
          params: z.object({ id: z.uuid("Not a campaign id") }),
          response: { 200: RemindResult, ...errors },
        },
        onRequest: manage,
      },
      async (request) => remindCampaign(ctx, principalOf(request), request.params.id, requestMeta(request)),
    );

    // --- Releases and exports -------------------------------------------------------------------
    app.get(
      "/api/authorities/releases",
      {
        schema: {
          tags,
          summary: "Published releases of the authorities directory, newest first",
          response: { 200: z.object({ releases: z.array(AuthoritiesReleaseSummary) }), ...errors },
        },
        onRequest: read,
      },
      async (request) => ({ releases: await listAuthoritiesReleases(ctx, principalOf(request)) }),
    );
    app.post(
      "/api/authorities/releases",
      {
        schema: {
          tags,
          summary: "Publish a signed release of the authorities directory (Secretariat)",
          body: PublishAuthoritiesRelease,
          response: { 201: AuthoritiesReleaseSummary, ...errors },
        },
        onRequest: manage,
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await publishAuthoritiesRelease(ctx, principalOf(request), request.body, requestMeta(request))),
    );
    app.get(
      "/api/authorities/releases/:version/export",
      {
        schema: {
          tags,
          summary: "Export a release (or 'latest'): json (signed, JWS in X-Vigil-Signature), csv, pdf",
          params: VersionParam,
          querystring: z.object({ format: AuthoritiesExportFormat }),
          response: { 200: z.unknown().describe("The file"), ...errors },
        },
        onRequest: exportGuard,
      },
      async (request, reply) => {
        const exported = await exportAuthoritiesRelease(
          ctx,
          principalOf(request),
          request.params.version,
          request.query.format,
          requestMeta(request),
        );
        if (request.query.format === "json") {
          reply
            .header("x-vigil-signature", exported.release.jws)
            .header("x-vigil-key-id", exported.release.kid)
            .header("etag", `"${exported.release.sha256}"`);
        }
        return reply
          .header("content-disposition", `attachment; filename="${exported.fileName}"`)
          .header("cache-control", "private, no-store")
          .type(exported.contentType)
          .send(exported.body);
      },
    );
  };
}
