import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CompletenessReport,
  ConfirmResult,
  ContactPoint,
  ContactPointFields,
  ExportFormat,
  ImportApplyBody,
  ImportBody,
  ImportPreview,
  LegalProfile,
  LegalProfileFields,
  PartyDetail,
  PartyList,
  Proposal,
  ProposalBody,
  ProposalList,
  ProposalStatus,
  PublishReleaseBody,
  ReleaseComparison,
  ReleaseList,
  ReleaseSummary,
  RemindResult,
  ReviewBody,
  SearchQuery,
  SearchResult,
  SigningKeyInfo,
} from "../../shared/directory";
import { ApiError } from "../../shared/errors";
import type { AppContext } from "../context";
import { actorOf, authOf, guard, principalOf, requestMeta, sessionOrToken } from "../http/guard";
import { listParties, partyDetail, search } from "./browse";
import { createContactPoint, editContactPoint, editLegalProfile, removeContactPoint } from "./edits";
import { directoryJsonSchema } from "./formats/json-schema";
import { completenessReport, confirmEntries, remindParty } from "./freshness";
import { applyImport, previewImport } from "./import";
import { listProposals, propose, reviewProposal, withdrawProposal } from "./proposals";
import { compareReleases, exportRelease, findReleaseMeta, listReleases, publishRelease, signingKey } from "./releases";

/** The directory's HTTP surface. Handlers parse, call one use case, and answer. */

const Iso2Param = z.object({ iso2: z.string().regex(/^[A-Za-z]{2}$/, "Party code must be two letters") });
const IdParam = z.object({ id: z.uuid() });
const VersionParam = z.object({ version: z.string().min(1).max(40) });
const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const tags = ["directory"];
/** A file answer (JSON bytes, CSV, PDF…): sent as-is, never re-serialised. */
const file = { 200: z.unknown().describe("The file") };

export function directoryRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  const read = guard(ctx, { permission: "directory.read" });
  // A Party's own users propose changes to its entries (the use case checks it is their Party).
  const proposers = guard(ctx, { permission: "directory.propose" });
  // The read routes a national system may also call with an API token of scope directory:read.
  const scope = "directory:read";
  const security = sessionOrToken(scope);
  const readOrToken = guard(ctx, { permission: "directory.read", scope });
  const releases = guard(ctx, { permission: "directory.releases", scope });
  // Exporting the whole directory (a person's session; a national system's token is not asked).
  const exportGuard = guard(ctx, { permission: "directory.releases", scope, recentAuth: true });
  // An import rewrites many Parties' entries at once.
  const importApply = guard(ctx, { permission: "directory.manage", recentAuth: true });
  // The Secretariat's own edits: refused at the gate, before the body is read (the use cases check again).
  const manage = guard(ctx, { permission: "directory.manage" });
  // Serves a fixed document, no transaction: its token is looked up on each call.
  const signedInOrToken = guard(ctx, { scope, transactional: false });

  return async (app) => {
    // --- Browse and search ------------------------------------------------------------------
    app.get(
      "/api/directory/parties",
      {
        schema: {
          security,
          tags,
          summary: "The Parties of the Network, with their contact point counts",
          response: { 200: PartyList, ...errors },
        },
        onRequest: readOrToken,
      },
      async (request) => ({ parties: await listParties(ctx, principalOf(request), requestMeta(request)) }),
    );
    app.get(
      "/api/directory/parties/:iso2",
      {
        schema: {
          security,
          tags,
          summary: "One Party: legal profile and contact points",
          params: Iso2Param,
          response: { 200: PartyDetail, ...errors },
        },
        onRequest: readOrToken,
      },
      async (request) => partyDetail(ctx, principalOf(request), request.params.iso2, requestMeta(request)),
    );
    app.get(
      "/api/directory/search",
      {
        schema: {
          security,
          tags,
          summary: "Search every field, tolerant of accents and typos",
          querystring: SearchQuery,
          response: { 200: SearchResult, ...errors },
        },
        onRequest: readOrToken,
      },
      async (request) => search(ctx, principalOf(request), request.query, requestMeta(request)),
    );

    // --- Changes: proposals by Parties, direct edits by the Secretariat -----------------------
    app.post(
      "/api/directory/parties/:iso2/confirm",
      {
        schema: {
          tags,
          summary: "Confirm a Party's entries unchanged",
          params: Iso2Param,
          response: { 200: ConfirmResult, ...errors },
        },
        onRequest: read,
      },
      async (request) => confirmEntries(ctx, authOf(request).user, request.params.iso2, requestMeta(request)),
    );
    app.post(
      "/api/directory/parties/:iso2/proposals",
      {
        schema: {
          tags,
          summary: "Propose a change to one's own Party's entries",
          params: Iso2Param,
          body: ProposalBody,
          response: { 201: Proposal, ...errors },
        },
        onRequest: proposers,
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await propose(ctx, authOf(request).user, request.params.iso2, request.body, requestMeta(request))),
    );
    app.get(
      "/api/directory/proposals",
      {
        schema: {
          tags,
          summary: "Proposals: all for the Secretariat, one's own Party's otherwise",
          querystring: z.object({ status: z.union([ProposalStatus, z.literal("all")]).default("pending") }),
          response: { 200: ProposalList, ...errors },
        },
        onRequest: read,
      },
      async (request) => ({ proposals: await listProposals(ctx, authOf(request).user, request.query.status) }),
    );
    app.post(
      "/api/directory/proposals/:id/review",
      {
        schema: {
          tags,
          summary: "Accept or reject a proposal",
          params: IdParam,
          body: ReviewBody,
          response: { 200: Proposal, ...errors },
        },
        onRequest: manage,
      },
      async (request) =>
        reviewProposal(ctx, authOf(request).user, request.params.id, request.body, requestMeta(request)),
    );
    app.post(
      "/api/directory/proposals/:id/withdraw",
      {
        schema: {
          tags,
          summary: "Withdraw a pending proposal",
          params: IdParam,
          response: { 200: Proposal, ...errors },
        },
        onRequest: proposers,
      },
      async (request) => withdrawProposal(ctx, authOf(request).user, request.params.id, requestMeta(request)),
    );
    app.post(
      "/api/directory/parties/:iso2/contact-points",
      {
        schema: {
          tags,
          summary: "Add a contact point (Secretariat)",
          params: Iso2Param,
          body: ContactPointFields,
          response: { 201: ContactPoint, ...errors },
        },
        onRequest: manage,
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await createContactPoint(
              ctx,
              authOf(request).user,
              request.params.iso2,
              request.body,
              requestMeta(request),
            ),
          ),
    );
    app.put(
      "/api/directory/contact-points/:id",
      {
        schema: {
          tags,
          summary: "Edit a contact point (Secretariat)",
          params: IdParam,
          body: ContactPointFields,
          response: { 200: ContactPoint, ...errors },
        },
        onRequest: manage,
      },
      async (request) =>
        editContactPoint(ctx, authOf(request).user, request.params.id, request.body, requestMeta(request)),
    );
    app.delete(
      "/api/directory/contact-points/:id",
      {
        schema: {
          tags,
          summary: "Remove a contact point (Secretariat)",
          params: IdParam,
          response: { 204: z.null(), ...errors },
        },
        onRequest: manage,
      },
      async (request, reply) => {
        await removeContactPoint(ctx, authOf(request).user, request.params.id, requestMeta(request));
        return reply.code(204).send(null);
      },
    );
    app.put(
      "/api/directory/parties/:iso2/legal-profile",
      {
        schema: {
          tags,
          summary: "Edit a Party's legal profile (Secretariat)",
          params: Iso2Param,
          body: LegalProfileFields,
          response: { 200: LegalProfile, ...errors },
        },
        onRequest: manage,
      },
      async (request) =>
        editLegalProfile(ctx, authOf(request).user, request.params.iso2, request.body, requestMeta(request)),
    );

    // --- Releases and exports ---------------------------------------------------------------
    app.get(
      "/api/directory/releases",
      {
        schema: {
          security,
          tags,
          summary: "Published releases, newest first",
          response: { 200: ReleaseList, ...errors },
        },
        onRequest: releases,
      },
      async (request) => ({ releases: await listReleases(ctx, principalOf(request)) }),
    );
    app.post(
      "/api/directory/releases",
      {
        schema: {
          tags,
          summary: "Publish a release (Secretariat)",
          body: PublishReleaseBody,
          response: { 201: ReleaseSummary, ...errors },
        },
        onRequest: manage,
      },
      async (request, reply) =>
        reply.code(201).send(await publishRelease(ctx, authOf(request).user, request.body, requestMeta(request))),
    );
    app.get(
      "/api/directory/releases/latest",
      {
        schema: {
          security,
          tags,
          summary: "The newest release as signed JSON; ETag / If-None-Match; the detached JWS in X-Vigil-Signature",
          response: { ...file, 304: z.null(), ...errors },
        },
        onRequest: releases,
      },
      async (request, reply) => {
        // An hourly poll that finds nothing new costs one small query and writes nothing.
        const latest = await ctx.db.tx((tx) => findReleaseMeta(tx, "latest"), actorOf(principalOf(request)));
        if (!latest)
          return reply.code(404).send({ error: { code: "not_found", message: "No release has been published yet." } });
        const etag = `"${latest.sha256}"`;
        if (request.headers["if-none-match"] === etag) return reply.code(304).header("etag", etag).send(null);
        const exported = await exportRelease(ctx, principalOf(request), latest.version, "json", requestMeta(request));
        return reply
          .header("etag", etag)
          .header("cache-control", "private, no-cache")
          .header("x-vigil-signature", exported.release.jws)
          .header("x-vigil-key-id", exported.release.kid)
          .header("x-vigil-version", exported.release.version)
          .type("application/json; charset=utf-8")
          .send(exported.body);
      },
    );
    app.get(
      "/api/directory/releases/:version/export",
      {
        schema: {
          security,
          tags,
          summary: "Export a release: json (signed), csv, vcard, pdf, docx",
          params: VersionParam,
          querystring: z.object({ format: ExportFormat }),
          response: file,
        },
        onRequest: exportGuard,
      },
      async (request, reply) => {
        const exported = await exportRelease(
          ctx,
          principalOf(request),
          request.params.version,
          request.query.format,
          requestMeta(request),
        );
        if (request.query.format === "json")
          reply.header("x-vigil-signature", exported.release.jws).header("etag", `"${exported.release.sha256}"`);
        return reply
          .header("content-disposition", `attachment; filename="${exported.fileName}"`)
          .header("cache-control", "private, no-store")
          .type(exported.contentType)
          .send(exported.body);
      },
    );
    app.get(
      "/api/directory/releases/:version/signature",
      {
        schema: {
          security,
          tags,
          summary: "The detached JWS of a release's JSON",
          params: VersionParam,
          response: file,
        },
        onRequest: releases,
      },
      async (request, reply) => {
        const exported = await exportRelease(
          ctx,
          principalOf(request),
          request.params.version,
          "json",
          requestMeta(request),
        );
        return reply
          .header("content-disposition", `attachment; filename="${exported.fileName}.jws"`)
          .type("application/jose")
          .send(exported.release.jws);
      },
    );
    app.get(
      "/api/directory/compare",
      {
        schema: {
          security,
          tags,
          summary: "Compare two releases, or a release with the current unreleased state (to=current)",
          querystring: z.object({ from: z.string().max(40).optional(), to: z.string().max(40).default("current") }),
          response: { 200: ReleaseComparison, ...errors },
        },
        onRequest: releases,
      },
      async (request) => compareReleases(ctx, principalOf(request), request.query, requestMeta(request)),
    );
    app.get(
      "/api/directory/signing-key",
      {
        schema: {
          security,
          tags,
          summary: "The public key that signs releases",
          response: { 200: SigningKeyInfo, ...errors },
        },
        onRequest: releases,
      },
      async (request) => signingKey(ctx, principalOf(request)),
    );
    app.get(
      "/api/directory/schema.json",
      { schema: { security, tags, summary: "JSON Schema of the JSON export" }, onRequest: signedInOrToken },
      async (_request, reply) => reply.type("application/schema+json").send(directoryJsonSchema()),
    );

    // --- Import, freshness ------------------------------------------------------------------
    const importLimit = { bodyLimit: 15 * 1024 * 1024 };
    app.post(
      "/api/directory/import/preview",
      {
        ...importLimit,
        schema: {
          tags,
          summary: "Preview an import (nothing is written)",
          body: ImportBody,
          response: { 200: ImportPreview, ...errors },
        },
        onRequest: manage,
      },
      async (request) => previewImport(ctx, authOf(request).user, request.body),
    );
    app.post(
      "/api/directory/import/apply",
      {
        ...importLimit,
        schema: {
          tags,
          summary: "Apply a previewed import, all or nothing",
          body: ImportApplyBody,
          response: { 200: ImportPreview, ...errors },
        },
        onRequest: importApply,
      },
      async (request) => applyImport(ctx, authOf(request).user, request.body, requestMeta(request)),
    );
    app.get(
      "/api/directory/completeness",
      {
        schema: {
          tags,
          summary: "Per Party: missing fields, stale entries, expiring keys",
          response: { 200: CompletenessReport, ...errors },
        },
        onRequest: read,
      },
      async (request) => ({ rows: await completenessReport(ctx, authOf(request).user) }),
    );
    app.post(
      "/api/directory/parties/:iso2/remind",
      {
        schema: {
          tags,
          summary: "Remind a Party of stale or missing entries",
          params: Iso2Param,
          response: { 200: RemindResult, ...errors },
        },
        onRequest: read,
      },
      async (request) => remindParty(ctx, authOf(request).user, request.params.iso2, requestMeta(request)),
    );
  };
}
