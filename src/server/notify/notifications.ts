import { and, count, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Role } from "../../shared/auth";
import type { NotificationItem } from "../../shared/notify";
import { users } from "../auth/tables";
import type { AppContext } from "../context";
import type { Tx } from "../db/database";
import { EMAIL_KINDS } from "./email-text";
import { publishEvent } from "./events";
import { enqueueEmail } from "./outbox";
import { notifications } from "./tables";

/**
 * In-app notifications. They are written in the caller's transaction, so a notification exists
 * exactly when the change it announces committed. They carry a kind, a few parameters and a
 * link: never case content.
 */

export type Recipients = { partyId?: string; roles?: Role[]; userIds?: string[] };

/** Active accounts matching all the given criteria. */
export async function recipients(tx: Tx, who: Recipients): Promise<{ id: string; email: string; locale: string }[]> {
  const where: SQL[] = [isNull(users.disabledAt)];
  if (who.partyId) where.push(eq(users.partyId, who.partyId));
  if (who.roles) where.push(inArray(users.role, who.roles));
  if (who.userIds)
    where.push(inArray(users.id, who.userIds.length ? who.userIds : ["00000000-0000-0000-0000-000000000000"]));
  return tx
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(...where));
}

/**
 * Tells the recipients in-app and, for the kinds that warrant it and when e-mail is configured,
 * queues an e-mail through the outbox, all in the caller's transaction.
 */
export async function notify(
  tx: Tx,
  who: Recipients,
  n: { kind: string; params?: Record<string, string | number | null>; link?: string | null },
  at: Date,
  channels: { email: boolean },
): Promise<number> {
  const people = await recipients(tx, who);
  if (people.length === 0) return 0;
  const rows = await tx
    .insert(notifications)
    .values(
      people.map((p) => ({ userId: p.id, kind: n.kind, params: n.params ?? {}, link: n.link ?? null, createdAt: at })),
    )
    .returning({ id: notifications.id, userId: notifications.userId });
  await publishEvent(
    tx,
    people.map((p) => p.id),
    { type: "notification", kind: n.kind, at: at.toISOString() },
  );
  if (channels.email && EMAIL_KINDS.has(n.kind)) {
    const byId = new Map(people.map((p) => [p.id, p]));
    for (const row of rows) {
      const p = byId.get(row.userId);
      if (!p) continue;
      const locale = p.locale === "fr" ? "fr" : "en";
      // One notification, one e-mail: its id is the e-mail's idempotency key.
      await enqueueEmail(
        tx,
        p.id,
        { to: p.email, locale, kind: n.kind, params: n.params ?? {}, link: n.link ?? null },
        `notification-${row.id}`,
        at,
      );
    }
  }
  return people.length;
}

/** Whether e-mail goes anywhere (an SMTP server or the demo mailbox). */
export const emailOn = (ctx: AppContext) => ({ email: ctx.config.mail.kind !== "off" });

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
