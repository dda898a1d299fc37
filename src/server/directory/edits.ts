import type { ContactPoint, ContactPointFields, LegalProfile, LegalProfileFields } from "../../shared/directory";
import { appendAudit } from "../audit/log";
import { can } from "../auth/policy";
import { auditWho } from "../auth/sign-in";
import type { UserRow } from "../auth/users";
import type { AppContext, RequestMeta } from "../context";
import { forbidden, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
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
  presentContactPoint,
  requireParty,
  saveLegalProfile,
  updateContactPoint,
} from "./entries";
import { checkPrimaryKept } from "./primary";

/** The Secretariat edits entries directly (no review); each change is audited with its diff. */

function requireManage(user: UserRow): void {
  if (!can(user, "directory.manage")) {
    throw forbidden("Only the Secretariat edits entries directly; propose a change instead.");
  }
}

export async function createContactPoint(
  ctx: AppContext,
  user: UserRow,
  iso2: string,
  fields: ContactPointFields,
  meta: RequestMeta,
): Promise<ContactPoint> {
  requireManage(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const party = await requireParty(tx, iso2);
    checkPrimaryKept(await contactPointsOf(tx, party.id), { id: null, isPrimary: fields.isPrimary });
    const row = await insertContactPoint(tx, party, fields, at);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "directory.contact_point.created",
      targetType: "contact_point",
      targetId: row.id,
      details: { party: party.iso2 },
    });
    return presentContactPoint(row, at);
  }, actorOf(user));
}

export async function editContactPoint(
  ctx: AppContext,
  user: UserRow,
  id: string,
  fields: ContactPointFields,
  meta: RequestMeta,
): Promise<ContactPoint> {
  requireManage(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const before = await findContactPoint(tx, id);
    const party = before ? await findPartyById(tx, before.partyId) : undefined;
    if (!before || !party) throw notFound("No such contact point.");
    checkPrimaryKept(await contactPointsOf(tx, party.id), { id, isPrimary: fields.isPrimary });
    const row = await updateContactPoint(tx, party, id, fields, at);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "directory.contact_point.updated",
      targetType: "contact_point",
      targetId: id,
      details: { party: party.iso2, fields: fieldChanges(fieldsOf(before), fields).map((c) => c.field) },
    });
    return presentContactPoint(row, at);
  }, actorOf(user));
}

export async function removeContactPoint(ctx: AppContext, user: UserRow, id: string, meta: RequestMeta): Promise<void> {
  requireManage(user);
  const at = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const cp = await findContactPoint(tx, id);
    if (!cp) throw notFound("No such contact point.");
    checkPrimaryKept(await contactPointsOf(tx, cp.partyId), { removeId: id });
    await deleteContactPoint(tx, id);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "directory.contact_point.deleted",
      targetType: "contact_point",
      targetId: id,
      details: { institution: cp.institution },
    });
  }, actorOf(user));
}

export async function editLegalProfile(
  ctx: AppContext,
  user: UserRow,
  iso2: string,
  fields: LegalProfileFields,
  meta: RequestMeta,
): Promise<LegalProfile> {
  requireManage(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const party = await requireParty(tx, iso2);
    const before = await legalProfileOf(tx, party.id);
    await saveLegalProfile(tx, party.id, fields, at);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "directory.legal_profile.updated",
      targetType: "party",
      targetId: party.id,
      details: { party: party.iso2, fields: fieldChanges(legalFieldsOf(before), fields).map((c) => c.field) },
    });
    const { revision: _r, ...after } = await legalProfileOf(tx, party.id);
    return after;
  }, actorOf(user));
}
