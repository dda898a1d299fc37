import { and, count, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Role } from "../../shared/auth";
import type { NotificationItem } from "../../shared/notify";
import { users } from "../auth/tables";
import type { Tx } from "../db/database";
import { notifications } from "./tables";

/**
 * In-app notifications. They are written in the caller's transaction, so a notification exists
 * exactly when the change it announces committed. They carry a kind, a few parameters and a
 * link: never case content.
 */

export type Recipients = { partyId?: string; roles?: Role[]; userIds?: string[] };

/** Active accounts matching all the given criteria. */
export async function recipients(tx: Tx, who: Recipients): Promise<string[]> {
  const where: SQL[] = [isNull(users.disabledAt)];
  if (who.partyId) where.push(eq(users.partyId, who.partyId));
  if (who.roles) where.push(inArray(users.role, who.roles));
  if (who.userIds)
    where.push(inArray(users.id, who.userIds.length ? who.userIds : ["00000000-0000-0000-0000-000000000000"]));
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(...where));
  return rows.map((r) => r.id);
}

export async function notify(
  tx: Tx,
  who: Recipients,
  n: { kind: string; params?: Record<string, string | number | null>; link?: string | null },
  at: Date,
): Promise<number> {
  const ids = await recipients(tx, who);
  if (ids.length === 0) return 0;
  await tx
    .insert(notifications)
    .values(
      ids.map((userId) => ({ userId, kind: n.kind, params: n.params ?? {}, link: n.link ?? null, createdAt: at })),
    );
  return ids.length;
}

export async function listNotifications(
  tx: Tx,
  userId: string,
  limit = 50,
): Promise<{ items: NotificationItem[]; unread: number }> {
  const rows = await tx
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  const [unread] = await tx
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      params: r.params,
      link: r.link,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    unread: unread?.n ?? 0,
  };
}

/** Marks one (or, without id, every) unread notification of the user as read. */
export async function markRead(tx: Tx, userId: string, at: Date, id?: string): Promise<number> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(
      and(eq(notifications.userId, userId), isNull(notifications.readAt), id ? eq(notifications.id, id) : undefined),
    )
    .returning({ id: notifications.id });
  return rows.length;
}
