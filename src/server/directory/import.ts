import { createHash, randomUUID } from "node:crypto";
import type {
  DirectoryDocument,
  ImportBody,
  ImportPreview,
  ImportRowError,
  ReleaseContactPoint,
  ReleaseParty,
} from "../../shared/directory";
import { foldCompact } from "../../shared/text";
import { appendAudit } from "../audit/log";
import { can } from "../auth/policy";
import { auditWho } from "../auth/sign-in";
import type { UserRow } from "../auth/users";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { badRequest, conflict, forbidden } from "../http/errors";
import { actorOf } from "../http/guard";
import { compareDocuments } from "./diff";
import {
  deleteContactPoint,
  findPartyByIso2,
  insertContactPoint,
  readDirectoryDocument,
  saveLegalProfile,
  updateContactPoint,
  updateParty,
} from "./entries";
import { canonicalJson } from "./formats/canonical-json";
import { parseDirectoryCsv } from "./formats/csv";
import { parseLegacyDocxTable } from "./formats/docx";
import { parseDirectoryJson } from "./formats/json";
import type { ParsedImport, ParsedParty } from "./formats/parsed-import";

/**
 * Import: a file in the export's own format (JSON, CSV) or a Word table like the legacy directory
 * is read, checked and compared with the directory; the preview shows what would change. Apply
 * repeats every check and writes all of it in one transaction, or nothing.
 *
 * Each Party in the file is replaced by the file's version of it: its contact points become those
 * of the file (matched by id, or for a Word table by institution and unit), others are removed.
 * Parties absent from the file are left as they are.
 */

const MAX_BYTES = 10 * 1024 * 1024;

async function parseFile(tx: Tx, body: ImportBody): Promise<ParsedImport> {
  const bytes = Buffer.from(body.contentBase64, "base64");
  if (bytes.length === 0) throw badRequest("empty_file", "The file is empty.");
  if (bytes.length > MAX_BYTES) throw badRequest("file_too_large", "The file is larger than 10 MB.");
  if (body.format === "docx") {
    const doc = await readDirectoryDocument(tx);
    const names = new Map<string, string>();
    for (const p of doc.parties) {
      for (const n of [p.nameEn, p.nameFr, ...p.altNames, p.iso2]) names.set(foldCompact(n), p.iso2);
    }
    try {
      return await parseLegacyDocxTable(bytes, (name) => names.get(foldCompact(name)) ?? null);
    } catch (err) {
      throw badRequest("malformed_file", `This is not a readable Word (.docx) file: ${(err as Error).message}`);
    }
  }
  const text = bytes.toString("utf8");
  return body.format === "json" ? parseDirectoryJson(text) : parseDirectoryCsv(text);
}

type Plan = { target: DirectoryDocument; errors: ImportRowError[] };

/** The directory as it would be after the import, and what in the file cannot be applied. */
function plan(current: DirectoryDocument, parsed: ParsedImport, format: ImportBody["format"]): Plan {
  const errors: ImportRowError[] = [...parsed.errors];
  const byIso = new Map(current.parties.map((p) => [p.iso2, p]));
  const ownerOf = new Map<string, string>();
  for (const p of current.parties) for (const cp of p.contactPoints) ownerOf.set(cp.id, p.iso2);
  const seenIds = new Set<string>();
  const seenParties = new Set<string>();
  const replaced = new Map<string, ReleaseParty>();

  for (const pp of parsed.parties) {
    const existing = byIso.get(pp.iso2);
    if (!existing) {
      errors.push({ line: pp.line, field: "iso2", message: `Unknown Party '${pp.iso2}'.` });
      continue;
    }
    if (seenParties.has(pp.iso2)) {
      errors.push({ line: pp.line, field: "iso2", message: `Party ${pp.iso2} appears twice in the file.` });
      continue;
    }
    seenParties.add(pp.iso2);
    replaced.set(pp.iso2, {
      ...(pp.party ? { ...pp.party, iso2: existing.iso2 } : partyOnly(existing)),
      legalProfile: pp.legalProfile ?? existing.legalProfile,
      contactPoints: contactPointsFor(pp, existing, format, ownerOf, seenIds, errors),
    });
    const primaries = pp.contactPoints.filter((c) => c.fields.isPrimary);
    if (pp.contactPoints.length > 0 && primaries.length !== 1) {
      errors.push({
        line: pp.line,
        field: "isPrimary",
        message: `${pp.iso2} must have exactly one primary contact point (the file gives ${primaries.length}).`,
      });
    }
  }
  const target: DirectoryDocument = {
    ...current,
    parties: current.parties.map((p) => replaced.get(p.iso2) ?? p),
  };
  return { target, errors: errors.sort((a, b) => a.line - b.line) };
}

function partyOnly(p: ReleaseParty) {
  const { legalProfile: _l, contactPoints: _c, ...fields } = p;
  return fields;
}

function contactPointsFor(
  pp: ParsedParty,
  existing: ReleaseParty,
  format: ImportBody["format"],
  ownerOf: Map<string, string>,
  seenIds: Set<string>,
  errors: ImportRowError[],
): ReleaseContactPoint[] {
  // A Word table carries no ids: a row is the same entry as an existing one with the same
  // institution and unit.
  const byName = new Map(existing.contactPoints.map((cp) => [foldCompact(`${cp.institution}|${cp.unit ?? ""}`), cp]));
  const byId = new Map(existing.contactPoints.map((cp) => [cp.id, cp]));
  return pp.contactPoints.flatMap((c) => {
    let id = c.id;
    if (!id && format === "docx")
      id = byName.get(foldCompact(`${c.fields.institution}|${c.fields.unit ?? ""}`))?.id ?? null;
    if (id && ownerOf.has(id) && ownerOf.get(id) !== pp.iso2) {
      errors.push({
        line: c.line,
        field: "id",
        message: `Contact point ${id} belongs to ${ownerOf.get(id)}, not ${pp.iso2}.`,
      });
      return [];
    }
    if (id && seenIds.has(id)) {
      errors.push({ line: c.line, field: "id", message: `Contact point ${id} appears twice in the file.` });
      return [];
    }
    if (id) seenIds.add(id);
    const before = id ? byId.get(id) : undefined;
    return [
      {
        id: id ?? randomUUID(),
        ...c.fields,
        // The file's confirmation date when it has one (JSON, CSV); a Word table confirms nothing.
        lastConfirmedAt: c.lastConfirmedAt ?? before?.lastConfirmedAt ?? null,
      },
    ];
  });
}

function previewOf(current: DirectoryDocument, p: Plan, token: string): ImportPreview {
  const parties = compareDocuments(current, p.target);
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const d of parties) for (const cp of d.contactPoints) counts[cp.change]++;
  for (const d of parties)
    if ((d.partyChanges.length || d.legalProfileChanges.length) && d.change === "changed") counts.changed++;
  return { ok: p.errors.length === 0, errors: p.errors, parties, counts, previewToken: token };
}

/** Binds a preview to the file and to the directory it was computed against. */
function tokenOf(body: ImportBody, current: DirectoryDocument): string {
  return createHash("sha256")
    .update(body.format)
    .update("\0")
    .update(body.contentBase64)
    .update("\0")
    .update(canonicalJson(current))
    .digest("base64url");
}

function requireManage(user: UserRow): void {
  if (!can(user, "directory.manage")) {
    throw forbidden("Only the Secretariat imports directory files.");
  }
}

export async function previewImport(ctx: AppContext, user: UserRow, body: ImportBody): Promise<ImportPreview> {
  requireManage(user);
  // Reads only: the preview writes nothing, whatever the file holds.
  return ctx.db.tx(async (tx) => {
    const parsed = await parseFile(tx, body);
    const current = await readDirectoryDocument(tx);
    return previewOf(current, plan(current, parsed, body.format), tokenOf(body, current));
  }, actorOf(user));
}

export async function applyImport(
  ctx: AppContext,
  user: UserRow,
  body: ImportBody & { previewToken: string },
  meta: RequestMeta,
): Promise<ImportPreview> {
  requireManage(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const parsed = await parseFile(tx, body);
    const current = await readDirectoryDocument(tx);
    const token = tokenOf(body, current);
    if (token !== body.previewToken) {
      throw conflict("preview_outdated", "The directory or the file changed since the preview. Preview again.");
    }
    const p = plan(current, parsed, body.format);
    const preview = previewOf(current, p, token);
    if (!preview.ok)
      throw badRequest(
        "import_invalid",
        "The file has errors; nothing was imported.",
        p.errors.map((e) => ({ path: `line ${e.line}${e.field ? `: ${e.field}` : ""}`, message: e.message })),
      );
    const targetOf = new Map(p.target.parties.map((tp) => [tp.iso2, tp]));
    for (const d of preview.parties) {
      const tp = targetOf.get(d.iso2);
      let party = await findPartyByIso2(tx, d.iso2);
      if (!tp || !party) continue;
      if (d.partyChanges.length) party = await updateParty(tx, party, partyOnly(tp), at);
      if (d.legalProfileChanges.length) await saveLegalProfile(tx, party.id, tp.legalProfile, at);
      const wanted = new Map(tp.contactPoints.map((cp) => [cp.id, cp]));
      // Removals first, then secondaries, then the primary: the one-primary index holds throughout.
      for (const c of d.contactPoints.filter((c) => c.change === "removed")) await deleteContactPoint(tx, c.id);
      const writes = d.contactPoints
        .filter((c) => c.change !== "removed")
        .sort((a, b) => Number(wanted.get(a.id)?.isPrimary) - Number(wanted.get(b.id)?.isPrimary));
      for (const c of writes) {
        const cp = wanted.get(c.id);
        if (!cp) continue;
        const { id, lastConfirmedAt, ...fields } = cp;
        const confirmed = lastConfirmedAt ? new Date(lastConfirmedAt) : at;
        if (c.change === "added") await insertContactPoint(tx, party, fields, at, { id, lastConfirmedAt: confirmed });
        else await updateContactPoint(tx, party, id, fields, at, { lastConfirmedAt: confirmed });
      }
    }
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "directory.imported",
      targetType: "directory",
      details: { format: body.format, fileName: body.fileName ?? null, ...preview.counts },
    });
    return preview;
  }, actorOf(user));
}
