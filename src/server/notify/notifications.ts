import { randomUUID } from "node:crypto";
import { and, count, desc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Role } from "../../shared/auth";
import type { NotificationKind, Urgency } from "../../shared/notification-kinds";
import type { NotificationItem } from "../../shared/notify";
import { users } from "../auth/tables";
import type { AppContext } from "../context";
import type { Tx } from "../db/database";
import { deliveryPlan, type UserNotificationPrefs } from "./delivery-plan";
import { EMAIL_KINDS } from "./email-text";
import { publishEvent } from "./events";
import { enqueueEmail } from "./outbox";
import { notificationPreferences, notificationQuietHours, notifications } from "./tables";

/**
 * In-app notifications. They are written in the caller's transaction, so a notification exists
 * exactly when the change it announces committed. They carry a kind, a few parameters and a
 * link: never case content.
 */

export type Recipients = { partyId?: string; roles?: Role[]; userIds?: string[] };

type Recipient = {
  id: string;
  email: string;
  locale: string;
  timeZone: string;
  /** The user's choice for the kind being sent, when they made one. */
  inApp: boolean | null;
  emailOn: boolean | null;
  quietStart: string | null;
  quietEnd: string | null;
};

/** Active accounts matching all the given criteria, with their preferences for one kind. */
async function recipients(tx: Tx, who: Recipients, kind: NotificationKind): Promise<Recipient[]> {
  const where: SQL[] = [isNull(users.disabledAt)];
  if (who.partyId) where.push(eq(users.partyId, who.partyId));
  if (who.roles) where.push(inArray(users.role, who.roles));
  if (who.userIds)
    where.push(inArray(users.id, who.userIds.length ? who.userIds : ["00000000-0000-0000-0000-000000000000"]));
  return tx
    .select({
      id: users.id,
      email: users.email,
      locale: users.locale,
      timeZone: users.timeZone,
      inApp: notificationPreferences.inApp,
      emailOn: notificationPreferences.email,
      quietStart: notificationQuietHours.startTime,
      quietEnd: notificationQuietHours.endTime,
    })
    .from(users)
    .leftJoin(
      notificationPreferences,
      and(eq(notificationPreferences.userId, users.id), eq(notificationPreferences.kind, kind)),
    )
    .leftJoin(notificationQuietHours, eq(notificationQuietHours.userId, users.id))
    .where(and(...where));
}

function prefsOf(r: Recipient, kind: NotificationKind): UserNotificationPrefs {
  return {
    channels: r.inApp === null || r.emailOn === null ? {} : { [kind]: { inApp: r.inApp, email: r.emailOn } },
    quietHours: r.quietStart && r.quietEnd ? { start: r.quietStart, end: r.quietEnd } : null,
  };
}

/**
 * Tells the recipients, each through the channels their preferences and quiet hours allow
 * (deliveryPlan), all in the caller's transaction: an in-app row, and an e-mail through the outbox
 * for the kinds that have one when e-mail is configured. An e-mail held by quiet hours is written
 * now, due when they end. `urgency` raises one call above its kind's default (an urgent request).
 * Returns the number of recipients.
 */
export async function notify(
  tx: Tx,
  who: Recipients,
  n: {
    kind: NotificationKind;
    urgency?: Urgency;
    params?: Record<string, string | number | null>;
    link?: string | null;
  },
  at: Date,
  channels: { email: boolean },
): Promise<number> {
  const people = await recipients(tx, who, n.kind);
  if (people.length === 0) return 0;
  const params = n.params ?? {};
  const link = n.link ?? null;
  const inApp: { id: string; userId: string }[] = [];
  const emails: { id: string; person: Recipient; sendAt: Date }[] = [];
  for (const p of people) {
    const plan = deliveryPlan(prefsOf(p, n.kind), n.kind, n.urgency, at, p.timeZone);
    // One id per recipient: the in-app row's, and the e-mail's idempotency key.
    const id = randomUUID();
    if (plan.inApp) inApp.push({ id, userId: p.id });
    if (plan.email && channels.email && EMAIL_KINDS.has(n.kind))
      emails.push({ id, person: p, sendAt: plan.email.sendAt });
  }
  if (inApp.length > 0) {
    await tx
      .insert(notifications)
      .values(inApp.map((r) => ({ id: r.id, userId: r.userId, kind: n.kind, params, link, createdAt: at })));
    await publishEvent(
      tx,
      inApp.map((r) => r.userId),
      { type: "notification", kind: n.kind, at: at.toISOString() },
    );
  }
  for (const e of emails) {
    const locale = e.person.locale === "fr" ? "fr" : "en";
    await enqueueEmail(
      tx,
      e.person.id,
      { to: e.person.email, locale, kind: n.kind, params, link },
      `notification-${e.id}`,
      at,
      e.sendAt,
    );
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
