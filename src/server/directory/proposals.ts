import { and, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import {
  ContactPointFields,
  LegalProfileFields,
  type PROPOSAL_STATUSES,
  type Proposal,
  type ProposalBody,
  type ReviewBody,
} from "../../shared/directory";
import { appendAudit } from "../audit/log";
import { can, canProposeFor } from "../auth/policy";
import { auditWho } from "../auth/sign-in";
import { users } from "../auth/tables";
import type { UserRow } from "../auth/users";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { badRequest, conflict, forbidden, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { emailOn, notify } from "../notify/notifications";
import { emitWebhookEvent } from "../webhooks/webhooks";
import { fieldChanges } from "./diff";
import {
  contactPointsOf,
  deleteContactPoint,
  fieldsOf,
  findContactPoint,
  findPartyById,
  insertContactPoint,
  legalFieldsOf,
  legalProfileOf,
  requireParty,
  saveLegalProfile,
  updateContactPoint,
} from "./entries";
import { checkPrimaryKept } from "./primary";
import { contactPoints, directoryProposals, legalProfiles, parties } from "./tables";

/**
 * A Party's members propose changes to their own entries; the Secretariat reviews them field by
 * field and accepts (the change is applied in the same transaction) or rejects with a reason.
 * The proposer is told either way.
 */

type ProposalRow = typeof directoryProposals.$inferSelect;

export async function propose(
  ctx: AppContext,
  user: UserRow,
  iso2: string,
  body: ProposalBody,
  meta: RequestMeta,
): Promise<Proposal> {
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const party = await requireParty(tx, iso2);
    if (!canProposeFor(user, party.id)) throw forbidden("You may propose changes to your own Party's entries only.");
    let base: Record<string, unknown> | null = null;
    let baseRevision: number | null = null;
    let contactPointId: string | null = null;
    let payload: Record<string, unknown> | null = null;
    if (body.kind === "update_contact_point" || body.kind === "remove_contact_point") {
      const cp = await findContactPoint(tx, body.contactPointId);
      if (!cp || cp.partyId !== party.id) throw notFound("No such contact point for this Party.");
      base = fieldsOf(cp);
      baseRevision = cp.revision;
      contactPointId = cp.id;
      const current = await contactPointsOf(tx, party.id);
      if (body.kind === "remove_contact_point") checkPrimaryKept(current, { removeId: cp.id });
      else checkPrimaryKept(current, { id: cp.id, isPrimary: body.contactPoint.isPrimary });
    }
    if (body.kind === "create_contact_point") {
      checkPrimaryKept(await contactPointsOf(tx, party.id), { id: null, isPrimary: body.contactPoint.isPrimary });
    }
    if (body.kind === "create_contact_point" || body.kind === "update_contact_point") payload = body.contactPoint;
    if (body.kind === "update_legal_profile") {
      const lp = await legalProfileOf(tx, party.id);
      base = legalFieldsOf(lp);
      baseRevision = lp.revision;
      payload = body.legalProfile;
    }
    if (base && payload && fieldChanges(base, payload).length === 0) {
      throw badRequest("no_change", "The proposal changes nothing.");
    }
    const [row] = await tx
      .insert(directoryProposals)
      .values({
        partyId: party.id,
        kind: body.kind,
        contactPointId,
        payload,
        base,
        baseRevision,
        comment: body.comment ?? null,
        proposedBy: user.id,
        proposedAt: at,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "directory.proposal.created",
      targetType: "directory_proposal",
      targetId: row.id,
      details: { party: party.iso2, kind: body.kind, contactPointId },
    });
    await notify(
      tx,
      { roles: ["secretariat"] },
      { kind: "directory.proposal_submitted", params: { party: party.iso2 }, link: "/directory/proposals" },
      at,
      emailOn(ctx),
    );
    return present(tx, row);
  }, actorOf(user));
}

async function present(tx: Tx, row: ProposalRow): Promise<Proposal> {
  const [list] = await presentAll(tx, [row]);
  if (!list) throw new Error("unreachable");
  return list;
}

async function presentAll(tx: Tx, rows: ProposalRow[]): Promise<Proposal[]> {
  if (rows.length === 0) return [];
  const partyIds = [...new Set(rows.map((r) => r.partyId))];
  const userIds = [...new Set(rows.flatMap((r) => [r.proposedBy, r.reviewedBy].filter((x): x is string => !!x)))];
  const cpIds = rows.map((r) => r.contactPointId).filter((x): x is string => !!x);
  const partyRows = await tx.select().from(parties).where(inArray(parties.id, partyIds));
  const names = userIds.length
    ? await tx.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, userIds))
    : [];
  const revisions = cpIds.length
    ? await tx
        .select({ id: contactPoints.id, revision: contactPoints.revision })
        .from(contactPoints)
        .where(inArray(contactPoints.id, cpIds))
    : [];
  const profileRevisions = await tx
    .select({ partyId: legalProfiles.partyId, revision: legalProfiles.revision })
    .from(legalProfiles)
    .where(inArray(legalProfiles.partyId, partyIds));
  const partyOf = new Map(partyRows.map((p) => [p.id, p]));
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const revOf = new Map(revisions.map((r) => [r.id, r.revision]));
  const lpRevOf = new Map(profileRevisions.map((r) => [r.partyId, r.revision]));
  return rows.map((r) => {
    const p = partyOf.get(r.partyId);
    if (!p) throw new Error("proposal without party");
    let outdated = false;
    if (r.status === "pending" && r.baseRevision !== null) {
      const current =
        r.kind === "update_legal_profile" ? (lpRevOf.get(r.partyId) ?? 0) : revOf.get(r.contactPointId ?? "");
      outdated = current !== r.baseRevision;
    }
    return {
      id: r.id,
      party: { id: p.id, iso2: p.iso2, nameEn: p.nameEn, nameFr: p.nameFr },
      kind: r.kind,
      contactPointId: r.contactPointId,
      status: r.status,
      comment: r.comment,
      changes: fieldChanges(r.base, r.payload),
      proposedBy: nameOf.get(r.proposedBy) ?? "?",
      proposedAt: r.proposedAt.toISOString(),
      reviewedBy: r.reviewedBy ? (nameOf.get(r.reviewedBy) ?? "?") : null,
      reviewedAt: r.reviewedAt?.toISOString() ?? null,
      reason: r.reason,
      outdated,
    };
  });
}

export async function listProposals(
  ctx: AppContext,
  user: UserRow,
  status: (typeof PROPOSAL_STATUSES)[number] | "all",
): Promise<Proposal[]> {
  const manage = can(user, "directory.manage");
  if (!manage && !can(user, "directory.propose")) throw forbidden();
  return ctx.db.tx(async (tx) => {
    const rows = await tx
      .select()
      .from(directoryProposals)
      .where(
        and(
          status === "all" ? undefined : eq(directoryProposals.status, status),
          // A Party sees its own proposals only; the Secretariat sees all.
          manage ? undefined : eq(directoryProposals.partyId, user.partyId ?? "00000000-0000-0000-0000-000000000000"),
        ),
      )
      .orderBy(desc(directoryProposals.proposedAt))
      .limit(500);
    return presentAll(tx, rows);
  }, actorOf(user));
}

async function pendingProposal(tx: Tx, id: string): Promise<ProposalRow> {
  const [row] = await tx.select().from(directoryProposals).where(eq(directoryProposals.id, id)).for("update").limit(1);
  if (!row) throw notFound("No such proposal.");
  if (row.status !== "pending") throw conflict("proposal_closed", `This proposal was already ${row.status}.`);
  return row;
}

/** Applies an accepted proposal to the directory. Stored payloads are parsed again: rules may have moved. */
async function apply(tx: Tx, row: ProposalRow, at: Date): Promise<string | null> {
  const party = await findPartyById(tx, row.partyId);
  if (!party) throw notFound("The Party no longer exists.");
  const parse = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => {
    const r = schema.safeParse(value);
    if (!r.success)
      throw conflict("proposal_invalid", `The proposal no longer passes the rules: ${r.error.issues[0]?.message}`);
    return r.data;
  };
  const current = await contactPointsOf(tx, party.id);
  switch (row.kind) {
    case "create_contact_point": {
      const fields = parse(ContactPointFields, row.payload);
      checkPrimaryKept(current, { id: null, isPrimary: fields.isPrimary });
      return (await insertContactPoint(tx, party, fields, at)).id;
    }
    case "update_contact_point": {
      const fields = parse(ContactPointFields, row.payload);
      if (!current.some((c) => c.id === row.contactPointId))
        throw conflict("entry_gone", "The contact point was removed meanwhile.");
      checkPrimaryKept(current, { id: row.contactPointId, isPrimary: fields.isPrimary });
      await updateContactPoint(tx, party, row.contactPointId as string, fields, at);
      return row.contactPointId;
    }
    case "remove_contact_point":
      if (!current.some((c) => c.id === row.contactPointId))
        throw conflict("entry_gone", "The contact point was removed meanwhile.");
      checkPrimaryKept(current, { removeId: row.contactPointId as string });
      await deleteContactPoint(tx, row.contactPointId as string);
      return row.contactPointId;
    case "update_legal_profile":
      await saveLegalProfile(tx, party.id, parse(LegalProfileFields, row.payload), at);
      return null;
  }
}

export async function reviewProposal(
  ctx: AppContext,
  user: UserRow,
  id: string,
  body: ReviewBody,
  meta: RequestMeta,
): Promise<Proposal> {
  if (!can(user, "directory.manage")) throw forbidden();
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const row = await pendingProposal(tx, id);
    const contactPointId = body.decision === "accept" ? await apply(tx, row, at) : row.contactPointId;
    const [updated] = await tx
      .update(directoryProposals)
      .set({
        status: body.decision === "accept" ? "accepted" : "rejected",
        reason: body.reason ?? null,
        reviewedBy: user.id,
        reviewedAt: at,
        contactPointId,
      })
      .where(eq(directoryProposals.id, id))
      .returning();
    if (!updated) throw new Error("proposal vanished");
    const party = await findPartyById(tx, row.partyId);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: `directory.proposal.${updated.status}`,
      targetType: "directory_proposal",
      targetId: id,
      details: { party: party?.iso2 ?? null, kind: row.kind, contactPointId },
    });
    await notify(
      tx,
      { userIds: [row.proposedBy] },
      {
        kind: "directory.proposal_reviewed",
        params: { party: party?.iso2 ?? null, decision: updated.status, reason: updated.reason },
        link: `/directory/proposals`,
      },
      at,
      emailOn(ctx),
    );
    await emitWebhookEvent(
      tx,
      row.partyId,
      "directory.proposal_reviewed",
      { party: party?.iso2 ?? null, proposalId: id, decision: updated.status },
      at,
    );
    return present(tx, updated);
  }, actorOf(user));
}

export async function withdrawProposal(
  ctx: AppContext,
  user: UserRow,
  id: string,
  meta: RequestMeta,
): Promise<Proposal> {
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const row = await pendingProposal(tx, id);
    if (!canProposeFor(user, row.partyId)) throw forbidden("Only the proposing Party may withdraw it.");
    const [updated] = await tx
      .update(directoryProposals)
      .set({ status: "withdrawn", reviewedBy: user.id, reviewedAt: at })
      .where(eq(directoryProposals.id, id))
      .returning();
    if (!updated) throw new Error("proposal vanished");
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "directory.proposal.withdrawn",
      targetType: "directory_proposal",
      targetId: id,
    });
    return present(tx, updated);
  }, actorOf(user));
}
