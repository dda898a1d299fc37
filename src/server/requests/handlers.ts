import { and, asc, eq, isNull } from "drizzle-orm";
import type { Handler } from "../../shared/requests";
import { users } from "../auth/tables";
import { activeMembersOf } from "../auth/users";
import type { Tx } from "../db/database";
import { type Params, shaped } from "../db/statement-shapes";
import { parties } from "../directory/tables";
import type { Recipients } from "../notify/notifications";
import type { RequestRow } from "./access";
import { requestAssignments } from "./tables";
import { recordStep } from "./timeline";

type StepActor = { userId: string | null; partyId: string | null; email?: string | null };

/**
 * Makes someone a handler of the request for their Party's side (no-op if they already are). With
 * `step`, the assignment is on the timeline as a fact (who; the step's actor is who did it), which
 * each reader's client words in their language.
 */
export async function addHandler(
  tx: Tx,
  row: RequestRow,
  who: { userId: string; partyId: string; name: string },
  actor: StepActor,
  at: Date,
  opts: { step: boolean },
): Promise<boolean> {
  const [already] = await tx
    .select({ id: requestAssignments.id })
    .from(requestAssignments)
    .where(
      and(
        eq(requestAssignments.requestId, row.id),
        eq(requestAssignments.userId, who.userId),
        isNull(requestAssignments.removedAt),
      ),
    );
  if (already) return false;
  await tx.insert(requestAssignments).values({
    requestId: row.id,
    userId: who.userId,
    partyId: who.partyId,
    assignedAt: at,
    assignedBy: actor.userId,
  });
  if (opts.step) await recordStep(tx, row, { kind: "assigned", actor, facts: { assignee: who.name } }, at);
  return true;
}

/** Removes a current handler (the row stays, stamped), on the timeline. False if they were none. */
export async function removeHandler(
  tx: Tx,
  row: RequestRow,
  who: { userId: string; name: string },
  actor: StepActor,
  at: Date,
): Promise<boolean> {
  const removed = await tx
    .update(requestAssignments)
    .set({ removedAt: at, removedBy: actor.userId })
    .where(
      and(
        eq(requestAssignments.requestId, row.id),
        eq(requestAssignments.userId, who.userId),
        isNull(requestAssignments.removedAt),
      ),
    )
    .returning({ id: requestAssignments.id });
  if (removed.length === 0) return false;
  await recordStep(tx, row, { kind: "unassigned", actor, facts: { assignee: who.name } }, at);
  return true;
}

/** Who handles the request now, both sides, first assigned first. */
export async function handlersOf(tx: Tx, requestId: string): Promise<Handler[]> {
  const rows = await handlerRows(tx, { requestId });
  return rows.map((r) => ({ ...r, since: r.since.toISOString() }));
}

const handlerRows = shaped((tx, p: Params<{ requestId: string }>) =>
  tx
    .select({
      userId: requestAssignments.userId,
      name: users.displayName,
      party: parties.iso2,
      since: requestAssignments.assignedAt,
    })
    .from(requestAssignments)
    .innerJoin(users, eq(users.id, requestAssignments.userId))
    .innerJoin(parties, eq(parties.id, requestAssignments.partyId))
    .where(and(eq(requestAssignments.requestId, p.requestId), isNull(requestAssignments.removedAt)))
    .orderBy(asc(requestAssignments.assignedAt)),
);

/**
 * Whom to tell of a step, on one Party's side: its officers and admins; but for a sensitive
 * request whose side has handlers, only those handlers and the Party's admins (the others could
 * not open it, and even its number tells them that such a request exists).
 */
export async function sideToTell(tx: Tx, row: RequestRow, partyId: string): Promise<Recipients> {
  const everyone: Recipients = { partyId, roles: ["officer", "party_admin"] };
  if (!row.handlingConditions?.sensitive) return everyone;
  const handlers = await tx
    .select({ userId: requestAssignments.userId })
    .from(requestAssignments)
    .where(
      and(
        eq(requestAssignments.requestId, row.id),
        eq(requestAssignments.partyId, partyId),
        isNull(requestAssignments.removedAt),
      ),
    );
  if (handlers.length === 0) return everyone;
  const admins = (await activeMembersOf(tx, partyId)).filter((m) => m.role === "party_admin");
  return { partyId, userIds: [...new Set([...handlers.map((h) => h.userId), ...admins.map((a) => a.id)])] };
}
