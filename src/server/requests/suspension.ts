import { aliasedTable, and, desc, eq, isNull, or, type SQL } from "drizzle-orm";
import type { LiftInput, SuspendInput, Suspension, SuspensionList } from "../../shared/transfers";
import { appendAudit } from "../audit/log";
import { canSuspendFor } from "../auth/policy";
import { isApiToken, type Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import { users } from "../auth/tables";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { findPartyById, requireParty } from "../directory/entries";
import { parties } from "../directory/tables";
import { badRequest, conflict, forbidden, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { emailOn, notify } from "../notify/notifications";
import { transferSuspensions } from "./transfer-tables";

/*
 * Art. 14(15) of the Second Additional Protocol: a Party may suspend transfers to another Party.
 * While it lasts, its users send that Party no request, message or attachment
 * (`requireTransfersAllowed`, called by each of those writes), nor any words of their own on a
 * step (`requireNoteAllowed`: an answer's note, a feedback comment, an onward-transfer decision's
 * conditions or reason), and the route preview warns first.
 */

// ---------------------------------------------------------------------------------------------
// Suspension (para. 15)
// ---------------------------------------------------------------------------------------------

export type SuspensionRow = typeof transferSuspensions.$inferSelect;

/** The suspension in force from one Party to another, if any. */
export async function activeSuspension(tx: Tx, fromPartyId: string, toPartyId: string): Promise<SuspensionRow | null> {
  const [row] = await tx
    .select()
    .from(transferSuspensions)
    .where(
      and(
        eq(transferSuspensions.fromPartyId, fromPartyId),
        eq(transferSuspensions.toPartyId, toPartyId),
        isNull(transferSuspensions.liftedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * The rule every transfer passes: nothing goes from a Party to one it suspended transfers to.
 * 409 `transfers_suspended`, naming the suspension, so the user knows why and since when.
 */
export async function requireTransfersAllowed(tx: Tx, fromPartyId: string, toPartyId: string): Promise<void> {
  const suspension = await activeSuspension(tx, fromPartyId, toPartyId);
  if (!suspension) return;
  const to = await findPartyById(tx, toPartyId);
  throw conflict(
    "transfers_suspended",
    `Your Party suspended transfers to ${to?.nameEn ?? "this Party"} on ${suspension.suspendedAt.toISOString().slice(0, 10)} (Art. 14(15) of the Second Additional Protocol): nothing can be sent to it until the suspension is lifted.`,
  );
}

/**
 * A step may still be taken while transfers are suspended (acknowledging, refusing, closing: the
 * other Party needs to know where its request stands), but what a person writes on it is data
 * sent to the other Party, so a step with a note is refused. The message says how to go on.
 */
export async function requireNoteAllowed(
  tx: Tx,
  fromPartyId: string,
  toPartyId: string,
  note: string | null | undefined,
): Promise<void> {
  if (!note?.trim()) return;
  const suspension = await activeSuspension(tx, fromPartyId, toPartyId);
  if (!suspension) return;
  const to = await findPartyById(tx, toPartyId);
  throw conflict(
    "transfers_suspended",
    `Your Party suspended transfers to ${to?.nameEn ?? "this Party"} on ${suspension.suspendedAt.toISOString().slice(0, 10)} (Art. 14(15) of the Second Additional Protocol): a note would be sent to it. Take this step without a note, or wait until the suspension is lifted.`,
  );
}

const fromParty = aliasedTable(parties, "from_party");
const toParty = aliasedTable(parties, "to_party");
const suspender = aliasedTable(users, "suspender");
const lifter = aliasedTable(users, "lifter");

async function suspensionsWhere(tx: Tx, where: SQL | undefined): Promise<Suspension[]> {
  const rows = await tx
    .select({
      s: transferSuspensions,
      from: { iso2: fromParty.iso2, nameEn: fromParty.nameEn, nameFr: fromParty.nameFr },
      to: { iso2: toParty.iso2, nameEn: toParty.nameEn, nameFr: toParty.nameFr },
      suspendedBy: suspender.displayName,
      liftedBy: lifter.displayName,
    })
    .from(transferSuspensions)
    .innerJoin(fromParty, eq(fromParty.id, transferSuspensions.fromPartyId))
    .innerJoin(toParty, eq(toParty.id, transferSuspensions.toPartyId))
    .leftJoin(suspender, eq(suspender.id, transferSuspensions.suspendedBy))
    .leftJoin(lifter, eq(lifter.id, transferSuspensions.liftedBy))
    .where(where)
    .orderBy(desc(transferSuspensions.suspendedAt));
  return rows.map((r) => ({
    id: r.s.id,
    from: r.from,
    to: r.to,
    reason: r.s.reason,
    suspendedAt: r.s.suspendedAt.toISOString(),
    suspendedBy: r.suspendedBy ?? "—",
    liftedAt: r.s.liftedAt?.toISOString() ?? null,
    liftedBy: r.s.liftedAt ? (r.liftedBy ?? "—") : null,
    liftReason: r.s.liftReason,
  }));
}

/**
 * The suspensions a user may know of: those its Party made or is subject to (both were told);
 * the Secretariat sees all.
 */
export async function listSuspensions(ctx: AppContext, user: Principal, q: { all: boolean }): Promise<SuspensionList> {
  return ctx.db.tx(async (tx) => {
    const conds: SQL[] = [];
    if (!q.all) conds.push(isNull(transferSuspensions.liftedAt));
    if (user.role !== "secretariat") {
      if (!user.partyId) return { items: [], canManage: false };
      conds.push(
        or(eq(transferSuspensions.fromPartyId, user.partyId), eq(transferSuspensions.toPartyId, user.partyId)) as SQL,
      );
    }
    const items = await suspensionsWhere(tx, conds.length ? and(...conds) : undefined);
    const canManage = user.role === "secretariat" || (!!user.partyId && canSuspendFor(user, user.partyId));
    return { items, canManage };
  }, actorOf(user));
}

async function tellBothAdmins(
  ctx: AppContext,
  tx: Tx,
  row: SuspensionRow,
  kind: "transfers.suspended" | "transfers.resumed",
  at: Date,
) {
  const [from, to] = [await findPartyById(tx, row.fromPartyId), await findPartyById(tx, row.toPartyId)];
  const params = { from: from?.iso2 ?? null, to: to?.iso2 ?? null };
  for (const partyId of [row.fromPartyId, row.toPartyId]) {
    await notify(
      tx,
      { partyId, roles: ["party_admin"] },
      { kind, params, link: "/data-protection/suspensions" },
      at,
      emailOn(ctx),
    );
  }
}

/** A Party's admin (or the Secretariat on its behalf) suspends its transfers to another Party. */
export async function suspendTransfers(
  ctx: AppContext,
  user: Principal,
  input: SuspendInput,
  meta: RequestMeta,
): Promise<Suspension> {
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const from = await requireParty(tx, input.fromParty);
    const to = await requireParty(tx, input.toParty);
    if (!canSuspendFor(user, from.id)) throw forbidden("You may suspend only your own Party's transfers.");
    if (from.id === to.id) {
      throw badRequest("same_party", "A Party suspends transfers to another Party.", [
        { path: "body.toParty", message: "Choose another Party" },
      ]);
    }
    if (await activeSuspension(tx, from.id, to.id)) {
      throw conflict("already_suspended", `Transfers from ${from.nameEn} to ${to.nameEn} are already suspended.`);
    }
    const [row] = await tx
      .insert(transferSuspensions)
      .values({
        fromPartyId: from.id,
        toPartyId: to.id,
        reason: input.reason,
        suspendedAt: at,
        suspendedBy: isApiToken(user) ? null : user.id,
      })
      .returning();
    if (!row) throw new Error("suspension not written");
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "transfers.suspended",
      targetType: "transfer_suspension",
      targetId: row.id,
      details: { from: from.iso2, to: to.iso2 },
    });
    await tellBothAdmins(ctx, tx, row, "transfers.suspended", at);
    const [shown] = await suspensionsWhere(tx, eq(transferSuspensions.id, row.id));
    if (!shown) throw new Error("suspension not found after writing it");
    return shown;
  }, actorOf(user));
}

/** Transfers resume; the suspension stays in the history with who lifted it and why. */
export async function liftSuspension(
  ctx: AppContext,
  user: Principal,
  id: string,
  input: LiftInput,
  meta: RequestMeta,
): Promise<Suspension> {
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    // Not locked FOR UPDATE: the other Party may read the row but not lock it (row-level security);
    // the update below is conditional instead, so two lifts cannot both succeed.
    const [row] = await tx.select().from(transferSuspensions).where(eq(transferSuspensions.id, id));
    // Another Party's suspension is "not found" for those who may not see it.
    const visible =
      row && (user.role === "secretariat" || row.fromPartyId === user.partyId || row.toPartyId === user.partyId);
    if (!row || !visible) throw notFound("No suspension with this id.");
    if (!canSuspendFor(user, row.fromPartyId)) {
      throw forbidden("Only the Party that suspended transfers (or the Secretariat on its behalf) lifts it.");
    }
    if (row.liftedAt) throw conflict("already_lifted", "This suspension was already lifted.");
    const [lifted] = await tx
      .update(transferSuspensions)
      .set({ liftedAt: at, liftedBy: isApiToken(user) ? null : user.id, liftReason: input.reason })
      .where(and(eq(transferSuspensions.id, row.id), isNull(transferSuspensions.liftedAt)))
      .returning();
    if (!lifted) throw conflict("already_lifted", "This suspension was already lifted.");
    const [from, to] = [await findPartyById(tx, row.fromPartyId), await findPartyById(tx, row.toPartyId)];
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "transfers.resumed",
      targetType: "transfer_suspension",
      targetId: row.id,
      details: { from: from?.iso2, to: to?.iso2 },
    });
    await tellBothAdmins(ctx, tx, lifted, "transfers.resumed", at);
    const [shown] = await suspensionsWhere(tx, eq(transferSuspensions.id, row.id));
    if (!shown) throw new Error("suspension not found after writing it");
    return shown;
  }, actorOf(user));
}
