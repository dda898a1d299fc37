import { and, eq, isNull, lte, notInArray, sql } from "drizzle-orm";
import { PRESERVATION_WARNING_DAYS } from "../../shared/requests";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR, type Tx } from "../db/database";
import { type ContactPointRow, contactPointsOf, findContactPoint, findPartyById } from "../directory/entries";
import { emailOn, notify } from "../notify/notifications";
import { enqueueEmail } from "../notify/outbox";
import type { RequestRow } from "./access";
import { sideToTell } from "./handlers";
import { routeAmong } from "./routing";
import { requests } from "./tables";
import { recordStep } from "./timeline";

/**
 * Deadlines of sent requests. Acknowledgement: when a sent request is not acknowledged by its
 * due time (the requested Party's target: 1 hour, 15 minutes for an emergency), its contact point
 * is reminded; after as long again, the next contact point in line is alerted. Preservation: a
 * warning before it ends when no mutual assistance request has followed.
 *
 * Each check reads the request's state and what was already done, so running it late, twice or
 * on two instances sends nothing twice (the row is locked while it is decided). A delayed job
 * runs each check on time; an every-five-minutes sweep catches anything a lost job would miss.
 */

const DAY_MS = 86_400_000;

/** When the sender is warned that a preservation ends (the rule the job, the sweep and the calendar share). */
export function preservationWarningAt(expiresOn: string): Date {
  return new Date(Date.parse(`${expiresOn}T00:00:00Z`) - PRESERVATION_WARNING_DAYS * DAY_MS);
}

export type AckCheck = { action: "none" | "reminded" | "escalated"; nextCheckAt: Date | null };

/** Mails the contact point's registered addresses (the unit's mailbox, outside Vigil's accounts). */
async function mailContactPoint(
  tx: Tx,
  cp: ContactPointRow,
  mail: { kind: string; params: Record<string, string | number | null>; link: string },
  key: string,
  at: Date,
): Promise<void> {
  const locale = cp.languages.includes("fr") && !cp.languages.includes("en") ? "fr" : "en";
  for (const e of cp.emails) {
    await enqueueEmail(tx, null, { to: e.address, locale, ...mail }, `${key}-${e.address}`, at);
  }
}

export async function checkAcknowledgement(ctx: AppContext, requestId: string): Promise<AckCheck> {
  const now = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const [row] = await tx.select().from(requests).where(eq(requests.id, requestId)).for("update");
    // A purged request is history: no reminder, no escalation.
    if (row?.state !== "sent" || !row.ackDueAt || !row.sentAt || row.purgedAt)
      return { action: "none", nextCheckAt: null };
    const target = row.ackDueAt.getTime() - row.sentAt.getTime();
    const escalateAt = new Date(row.ackDueAt.getTime() + target);
    if (!row.remindedAt) {
      if (now < row.ackDueAt) return { action: "none", nextCheckAt: row.ackDueAt };
      await remind(ctx, tx, row, now, Math.round(target / 60_000));
      return { action: "reminded", nextCheckAt: escalateAt };
    }
    if (row.escalatedAt) return { action: "none", nextCheckAt: null };
    if (now < escalateAt) return { action: "none", nextCheckAt: escalateAt };
    await escalate(ctx, tx, row, now);
    return { action: "escalated", nextCheckAt: null };
  }, SYSTEM_ACTOR);
}

async function remind(ctx: AppContext, tx: Tx, row: RequestRow, at: Date, minutes: number): Promise<void> {
  const params = { number: row.number, minutes, urgent: row.emergency ? 1 : 0 };
  const link = `/requests/${row.id}`;
  await tx.update(requests).set({ remindedAt: at }).where(eq(requests.id, row.id));
  const cp = row.contactPointId ? await findContactPoint(tx, row.contactPointId) : undefined;
  await recordStep(
    tx,
    row,
    {
      kind: "reminder",
      actor: { userId: null, partyId: null },
      facts: { minutes, institution: cp?.institution ?? null },
    },
    at,
  );
  await notify(
    tx,
    await sideToTell(tx, row, row.requestedPartyId as string),
    { kind: "request.reminder", urgency: row.emergency ? "emergency" : "normal", params, link },
    at,
    emailOn(ctx),
  );
  if (cp && emailOn(ctx).email)
    await mailContactPoint(tx, cp, { kind: "request.reminder", params, link }, `reminder-${row.id}`, at);
}

async function escalate(ctx: AppContext, tx: Tx, row: RequestRow, at: Date): Promise<void> {
  const points = await contactPointsOf(tx, row.requestedPartyId as string);
  const { first, next } = routeAmong(points, row.type);
  // The next in line after the one the request went to.
  const target = [first, next, ...points].find((cp) => cp && cp.id !== row.contactPointId) ?? null;
  const params = { number: row.number, urgent: row.emergency ? 1 : 0, institution: target?.institution ?? null };
  const link = `/requests/${row.id}`;
  await tx
    .update(requests)
    .set({ escalatedAt: at, escalatedToId: target?.id ?? null })
    .where(eq(requests.id, row.id));
  await recordStep(
    tx,
    row,
    {
      kind: "escalation",
      actor: { userId: null, partyId: null },
      facts: { institution: target?.institution ?? null },
    },
    at,
  );
  await notify(
    tx,
    await sideToTell(tx, row, row.requestedPartyId as string),
    { kind: "request.escalated", urgency: row.emergency ? "emergency" : "normal", params, link },
    at,
    emailOn(ctx),
  );
  if (target && emailOn(ctx).email) {
    await mailContactPoint(tx, target, { kind: "request.escalated", params, link }, `escalation-${row.id}`, at);
  }
  // The sender sees it on the timeline and is told, so it can phone as well.
  const requested = await findPartyById(tx, row.requestedPartyId as string);
  await notify(
    tx,
    await sideToTell(tx, row, row.senderPartyId),
    { kind: "request.not_acknowledged", params: { number: row.number, party: requested?.iso2 ?? null }, link },
    at,
    { email: false },
  );
}

/** Warns the sender before a preservation ends if no mutual assistance request followed it. */
export async function checkPreservation(ctx: AppContext, requestId: string): Promise<boolean> {
  const now = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const [row] = await tx.select().from(requests).where(eq(requests.id, requestId)).for("update");
    if (!row?.preservationExpiresOn || row.preservationWarnedAt || row.purgedAt) return false;
    if (now < preservationWarningAt(row.preservationExpiresOn)) return false;
    const [followUp] = await tx
      .select({ id: requests.id })
      .from(requests)
      .where(
        and(
          eq(requests.parentId, row.id),
          eq(requests.parentRelation, "mla_follow_up"),
          sql`${requests.state} <> 'draft'`,
        ),
      )
      .limit(1);
    if (followUp) return false;
    await tx.update(requests).set({ preservationWarnedAt: now }).where(eq(requests.id, row.id));
    await recordStep(
      tx,
      row,
      {
        kind: "preservation_warning",
        actor: { userId: null, partyId: null },
        facts: { expiresOn: row.preservationExpiresOn },
      },
      now,
    );
    await notify(
      tx,
      await sideToTell(tx, row, row.senderPartyId),
      {
        kind: "request.preservation_expiring",
        params: { number: row.number, expiresOn: row.preservationExpiresOn },
        link: `/requests/${row.id}`,
      },
      now,
      emailOn(ctx),
    );
    return true;
  }, SYSTEM_ACTOR);
}

/** Everything due now: the safety net behind the delayed jobs. */
export async function sweepDeadlines(
  ctx: AppContext,
): Promise<{ reminded: number; escalated: number; warned: number }> {
  const now = ctx.clock.now();
  const warnBefore = new Date(now.getTime() + PRESERVATION_WARNING_DAYS * DAY_MS).toISOString().slice(0, 10);
  const { due, expiring } = await ctx.db.tx(async (tx) => {
    const due = await tx
      .select({ id: requests.id })
      .from(requests)
      .where(
        and(
          eq(requests.state, "sent"),
          lte(requests.ackDueAt, now),
          isNull(requests.escalatedAt),
          isNull(requests.purgedAt),
        ),
      );
    const expiring = await tx
      .select({ id: requests.id })
      .from(requests)
      .where(
        and(
          lte(requests.preservationExpiresOn, warnBefore),
          isNull(requests.preservationWarnedAt),
          notInArray(requests.state, ["draft"]),
          isNull(requests.purgedAt),
        ),
      );
    return { due, expiring };
  }, SYSTEM_ACTOR);
  const result = { reminded: 0, escalated: 0, warned: 0 };
  for (const r of due) {
    const c = await checkAcknowledgement(ctx, r.id);
    if (c.action === "reminded") result.reminded += 1;
    if (c.action === "escalated") result.escalated += 1;
  }
  for (const r of expiring) if (await checkPreservation(ctx, r.id)) result.warned += 1;
  return result;
}
