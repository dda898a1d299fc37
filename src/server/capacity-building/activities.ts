import { and, asc, desc, eq, gte, lte } from "drizzle-orm";
import type { Activity, ActivityInput, ActivityList } from "../../shared/plenary";
import { appendAudit } from "../audit/log";
import { can } from "../auth/policy";
import type { Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { forbidden, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { capacityActivities } from "./tables";

/*
 * Capacity building (C-PROC's projects): workshops, study visits, support to set up a contact
 * point, each with its countries, dates, kind and project. The plenary report lists those of its
 * period.
 */

type ActivityRow = typeof capacityActivities.$inferSelect;

function requireManager(user: Principal): void {
  if (!can(user, "plenary.manage")) throw forbidden("Capacity-building activities are the Secretariat's.");
}

const present = (r: ActivityRow): Activity => ({
  id: r.id,
  title: r.title,
  kind: r.kind,
  countries: r.countries,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  project: r.project,
  notes: r.notes,
});

/** Activities that started in a period, oldest first. */
export async function activitiesIn(tx: Tx, from: string, to: string): Promise<Activity[]> {
  const rows = await tx
    .select()
    .from(capacityActivities)
    .where(and(gte(capacityActivities.startsOn, from), lte(capacityActivities.startsOn, to)))
    .orderBy(asc(capacityActivities.startsOn), asc(capacityActivities.title));
  return rows.map(present);
}

export async function listActivities(ctx: AppContext, user: Principal): Promise<ActivityList> {
  requireManager(user);
  return ctx.db.tx(async (tx) => {
    const rows = await tx.select().from(capacityActivities).orderBy(desc(capacityActivities.startsOn));
    return { items: rows.map(present) };
  }, actorOf(user));
}

/** Writes one activity; for the routes and the demo loader alike. */
export async function insertActivity(tx: Tx, input: ActivityInput, at: Date): Promise<Activity> {
  const [row] = await tx
    .insert(capacityActivities)
    .values({
      title: input.title,
      kind: input.kind,
      countries: [...new Set(input.countries)],
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      project: input.project,
      notes: input.notes,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  return present(row);
}

export async function createActivity(
  ctx: AppContext,
  user: Principal,
  input: ActivityInput,
  meta: RequestMeta,
): Promise<Activity> {
  requireManager(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const activity = await insertActivity(tx, input, at);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "capacity_activity.created",
      targetType: "capacity_activity",
      targetId: activity.id,
      details: { kind: input.kind, startsOn: input.startsOn },
    });
    return activity;
  }, actorOf(user));
}

export async function deleteActivity(ctx: AppContext, user: Principal, id: string, meta: RequestMeta): Promise<void> {
  requireManager(user);
  const at = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    const [row] = await tx.delete(capacityActivities).where(eq(capacityActivities.id, id)).returning();
    if (!row) throw notFound("No activity with this id.");
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "capacity_activity.deleted",
      targetType: "capacity_activity",
      targetId: id,
      details: { title: row.title },
    });
  }, actorOf(user));
}
