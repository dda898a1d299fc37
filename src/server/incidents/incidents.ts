import { asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type {
  Incident,
  IncidentInput,
  IncidentList,
  IncidentSummary,
  IncidentUpdateInput,
} from "../../shared/incidents";
import { appendAudit } from "../audit/log";
import { can } from "../auth/policy";
import type { Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import { users } from "../auth/tables";
import type { AppContext, RequestMeta } from "../context";
import { queryRows, type Tx } from "../db/database";
import { findPartyByIso2, type PartyRow } from "../directory/entries";
import { parties } from "../directory/tables";
import { badRequest, forbidden, gone, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { emailOn, notify } from "../notify/notifications";
import { numbersOfParty } from "../requests/access";
import { securityIncidentParties, securityIncidents, securityIncidentUpdates } from "./tables";

/*
 * The incident register (Second Additional Protocol, Art. 14(7)): the Secretariat records a
 * data-security incident, the Parties it affects are told at once (in-app and by an e-mail that
 * says only that there is one, with a link), and each of them reads it, but never another Party's.
 */

type IncidentRow = typeof securityIncidents.$inferSelect;

const NOT_FOUND = "No incident with this id.";

function requireManager(user: Principal): void {
  if (!can(user, "incidents.manage")) throw forbidden("Only the Secretariat records security incidents.");
}

/** The Secretariat sees every incident; a Party's member those affecting its Party. */
const seesAll = (user: Principal) => can(user, "incidents.manage");

/** The Parties named by ISO code, each known to the directory; 400 naming the unknown one. */
async function resolveParties(tx: Tx, codes: readonly string[], path: string): Promise<PartyRow[]> {
  const found: PartyRow[] = [];
  for (const [i, iso2] of codes.entries()) {
    const party = await findPartyByIso2(tx, iso2);
    if (!party) {
      throw badRequest("unknown_party", `No Party with the code ${iso2}.`, [
        { path: `${path}.${i}`, message: "Unknown Party" },
      ]);
    }
    found.push(party);
  }
  return found;
}

/** Tells each Party's officers and admins; the e-mail says only that an incident touches their Party. */
async function tellParties(
  ctx: AppContext,
  tx: Tx,
  incidentId: string,
  partyList: readonly { id: string; iso2: string }[],
  kind: "incident.recorded" | "incident.updated",
  at: Date,
) {
  for (const party of partyList) {
    await notify(
      tx,
      { partyId: party.id, roles: ["officer", "party_admin"] },
      { kind, params: { party: party.iso2 }, link: `/data-protection/incidents/${incidentId}` },
      at,
      emailOn(ctx),
    );
  }
}

export async function recordIncident(
  ctx: AppContext,
  user: Principal,
  input: IncidentInput,
  meta: RequestMeta,
): Promise<Incident> {
  requireManager(user);
  const at = ctx.clock.now();
  const detectedAt = new Date(input.detectedAt);
  if (detectedAt > at) {
    throw badRequest("detected_in_future", "The incident cannot have been detected in the future.", [
      { path: "body.detectedAt", message: "Give a time now or earlier" },
    ]);
  }
  const id = await ctx.db.tx(async (tx) => {
    const affected = await resolveParties(tx, input.affectedParties, "body.affectedParties");
    const [row] = await tx
      .insert(securityIncidents)
      .values({
        title: input.title,
        detectedAt,
        recordedAt: at,
        recordedBy: user.id,
        description: input.description,
        dataCategories: input.dataCategories,
        requestNumbers: input.requestNumbers,
        measures: input.measures,
        updatedAt: at,
      })
      .returning({ id: securityIncidents.id });
    if (!row) throw new Error("incident not written");
    await tx
      .insert(securityIncidentParties)
      .values(affected.map((p) => ({ incidentId: row.id, partyId: p.id, notifiedAt: at })));
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "incident.recorded",
      targetType: "security_incident",
      targetId: row.id,
      details: {
        parties: affected.map((p) => p.iso2),
        dataCategories: input.dataCategories,
        requests: input.requestNumbers.length,
      },
    });
    await tellParties(ctx, tx, row.id, affected, "incident.recorded", at);
    return row.id;
  }, actorOf(user));
  return readIncident(ctx, user, id, meta, { audit: false });
}

/** A later update: a note, perhaps a new status, perhaps Parties found affected since (told like the first). */
export async function updateIncident(
  ctx: AppContext,
  user: Principal,
  id: string,
  input: IncidentUpdateInput,
  meta: RequestMeta,
): Promise<Incident> {
  requireManager(user);
  const at = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const [row] = await tx.select().from(securityIncidents).where(eq(securityIncidents.id, id)).for("update");
    if (!row) throw notFound(NOT_FOUND);
    if (row.purgedAt) {
      throw gone(
        "incident_purged",
        `This incident's text was removed on ${row.purgedAt.toISOString().slice(0, 10)} under the retention rule: it can no longer be updated.`,
      );
    }
    const already = await affectedOf(tx, row.id);
    const added = await resolveParties(tx, input.addParties, "body.addParties");
    for (const [i, p] of added.entries()) {
      if (already.some((a) => a.id === p.id)) {
        throw badRequest("already_affected", `${p.nameEn} is already named by this incident.`, [
          { path: `body.addParties.${i}`, message: "Already affected" },
        ]);
      }
    }
    const status = input.status && input.status !== row.status ? input.status : null;
    await tx.insert(securityIncidentUpdates).values({
      incidentId: row.id,
      at,
      authorUserId: user.id,
      note: input.note,
      status,
    });
    await tx
      .update(securityIncidents)
      .set({
        updatedAt: at,
        ...(status ? { status, closedAt: status === "closed" ? at : null } : {}),
      })
      .where(eq(securityIncidents.id, row.id));
    if (added.length > 0) {
      await tx
        .insert(securityIncidentParties)
        .values(added.map((p) => ({ incidentId: row.id, partyId: p.id, notifiedAt: at })));
    }
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "incident.updated",
      targetType: "security_incident",
      targetId: row.id,
      details: { status, addedParties: added.map((p) => p.iso2) },
    });
    await tellParties(ctx, tx, row.id, already, "incident.updated", at);
    await tellParties(ctx, tx, row.id, added, "incident.recorded", at);
  }, actorOf(user));
  return readIncident(ctx, user, id, meta, { audit: false });
}

async function affectedOf(tx: Tx, incidentId: string) {
  return tx
    .select({
      id: parties.id,
      iso2: parties.iso2,
      nameEn: parties.nameEn,
      nameFr: parties.nameFr,
      notifiedAt: securityIncidentParties.notifiedAt,
    })
    .from(securityIncidentParties)
    .innerJoin(parties, eq(parties.id, securityIncidentParties.partyId))
    .where(eq(securityIncidentParties.incidentId, incidentId))
    .orderBy(asc(parties.iso2));
}

/** The incident as this user may see it; "not found" for an incident not affecting its Party. */
export async function readIncident(
  ctx: AppContext,
  user: Principal,
  id: string,
  meta: RequestMeta,
  opts: { audit?: boolean } = {},
): Promise<Incident> {
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const [row] = await tx.select().from(securityIncidents).where(eq(securityIncidents.id, id));
    if (!row) throw notFound(NOT_FOUND);
    const all = await affectedOf(tx, row.id);
    const shown = seesAll(user) ? all : all.filter((p) => p.id === user.partyId);
    if (shown.length === 0) throw notFound(NOT_FOUND);
    if (opts.audit !== false) {
      await appendAudit(tx, at, auditWho(user, meta), {
        action: "incident.read",
        targetType: "security_incident",
        targetId: row.id,
      });
    }
    // A Party learns which of its own requests are named, not other Parties' numbers.
    const numbers = seesAll(user)
      ? row.requestNumbers
      : await numbersOfParty(tx, user.partyId as string, row.requestNumbers);
    return present(row, shown, numbers, await recorderOf(tx, row), await updatesOf(tx, row.id));
  }, actorOf(user));
}

async function recorderOf(tx: Tx, row: IncidentRow): Promise<string> {
  if (!row.recordedBy) return "—";
  const [u] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, row.recordedBy));
  return u?.name ?? "—";
}

async function updatesOf(tx: Tx, incidentId: string): Promise<Incident["updates"]> {
  const rows = await tx
    .select({
      id: securityIncidentUpdates.id,
      at: securityIncidentUpdates.at,
      author: users.displayName,
      note: securityIncidentUpdates.note,
      status: securityIncidentUpdates.status,
    })
    .from(securityIncidentUpdates)
    .leftJoin(users, eq(users.id, securityIncidentUpdates.authorUserId))
    .where(eq(securityIncidentUpdates.incidentId, incidentId))
    .orderBy(asc(securityIncidentUpdates.at), asc(securityIncidentUpdates.seq));
  return rows.map((r) => ({ ...r, at: r.at.toISOString(), author: r.author ?? "—" }));
}

function present(
  row: IncidentRow,
  affected: { iso2: string; nameEn: string; nameFr: string; notifiedAt: Date }[],
  numbers: string[],
  recordedBy: string,
  updates: Incident["updates"],
): Incident {
  return {
    id: row.id,
    title: row.title,
    detectedAt: row.detectedAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    recordedBy,
    description: row.description,
    dataCategories: row.dataCategories,
    affectedParties: affected.map((p) => ({
      iso2: p.iso2,
      nameEn: p.nameEn,
      nameFr: p.nameFr,
      notifiedAt: p.notifiedAt.toISOString(),
    })),
    requestNumbers: numbers,
    measures: row.measures,
    status: row.status,
    closedAt: row.closedAt?.toISOString() ?? null,
    purgedAt: row.purgedAt?.toISOString() ?? null,
    updates,
  };
}

/** The register: every incident for the Secretariat, those affecting its Party for a member. Audited. */
export async function listIncidents(ctx: AppContext, user: Principal, meta: RequestMeta): Promise<IncidentList> {
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    let ids: string[] | null = null;
    if (!seesAll(user)) {
      if (!user.partyId) return { items: [] };
      ids = (
        await tx
          .select({ id: securityIncidentParties.incidentId })
          .from(securityIncidentParties)
          .where(eq(securityIncidentParties.partyId, user.partyId))
      ).map((r) => r.id);
      if (ids.length === 0) return { items: [] };
    }
    const rows = await tx
      .select()
      .from(securityIncidents)
      .where(ids ? inArray(securityIncidents.id, ids) : undefined)
      .orderBy(desc(securityIncidents.detectedAt));
    const partyRows = rows.length
      ? await tx
          .select({ incidentId: securityIncidentParties.incidentId, partyId: parties.id, iso2: parties.iso2 })
          .from(securityIncidentParties)
          .innerJoin(parties, eq(parties.id, securityIncidentParties.partyId))
          .where(
            inArray(
              securityIncidentParties.incidentId,
              rows.map((r) => r.id),
            ),
          )
          .orderBy(asc(parties.iso2))
      : [];
    const updateCounts = rows.length
      ? await tx
          .select({ incidentId: securityIncidentUpdates.incidentId, n: count() })
          .from(securityIncidentUpdates)
          .where(
            inArray(
              securityIncidentUpdates.incidentId,
              rows.map((r) => r.id),
            ),
          )
          .groupBy(securityIncidentUpdates.incidentId)
      : [];
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "incident.listed",
      targetType: "security_incident",
      details: { count: rows.length },
    });
    const items: IncidentSummary[] = rows.map((r) => ({
      id: r.id,
      title: r.title,
      detectedAt: r.detectedAt.toISOString(),
      recordedAt: r.recordedAt.toISOString(),
      status: r.status,
      closedAt: r.closedAt?.toISOString() ?? null,
      purgedAt: r.purgedAt?.toISOString() ?? null,
      parties: partyRows
        .filter((p) => p.incidentId === r.id && (seesAll(user) || p.partyId === user.partyId))
        .map((p) => p.iso2),
      updates: updateCounts.find((u) => u.incidentId === r.id)?.n ?? 0,
    }));
    return { items };
  }, actorOf(user));
}

/**
 * For a Party's data-protection report: incidents naming the Party recorded in the period (both
 * days included; either may be open), and how many of those are still open.
 */
export async function incidentFigures(
  tx: Tx,
  partyId: string,
  q: { from?: string | undefined; to?: string | undefined },
): Promise<{ recorded: number; open: number }> {
  const [row] = await queryRows<{ recorded: number; open: number }>(
    tx,
    sql`select count(*)::int as recorded, count(*) filter (where i.status <> 'closed')::int as open
        from security_incidents i
        where exists (select 1 from security_incident_parties p where p.incident_id = i.id and p.party_id = ${partyId}::uuid)
          and (${q.from ?? null}::date is null or i.recorded_at >= ${q.from ?? null}::date)
          and (${q.to ?? null}::date is null or i.recorded_at < ${q.to ?? null}::date + 1)`,
  );
  return { recorded: row?.recorded ?? 0, open: row?.open ?? 0 };
}
