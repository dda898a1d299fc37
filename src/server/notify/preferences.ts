import { eq } from "drizzle-orm";
import {
  type ChannelChoice,
  isNotificationKind,
  kindSpec,
  kindsFor,
  type NotificationKind,
  type NotificationPreferences,
  type NotificationPreferencesInput,
} from "../../shared/notification-kinds";
import { appendAudit } from "../audit/log";
import { auditWho } from "../auth/sign-in";
import type { UserRow } from "../auth/users";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { actorOf } from "../http/guard";
import { emailOn } from "./notifications";
import { notificationPreferences, notificationQuietHours } from "./tables";

/** A user's own notification preferences: which kinds reach them through which channel, and quiet hours. */

async function read(tx: Tx, ctx: AppContext, user: UserRow): Promise<NotificationPreferences> {
  const rows = await tx.select().from(notificationPreferences).where(eq(notificationPreferences.userId, user.id));
  const chosen = new Map<string, ChannelChoice>(rows.map((r) => [r.kind, { inApp: r.inApp, email: r.email }]));
  const [quiet] = await tx.select().from(notificationQuietHours).where(eq(notificationQuietHours.userId, user.id));
  return {
    channels: kindsFor(user.role).map((kind) => {
      const spec = kindSpec(kind);
      const locked = spec.urgency === "emergency";
      const choice = locked ? { inApp: true, email: true } : (chosen.get(kind) ?? spec.defaults);
      return { kind, urgency: spec.urgency, locked, mayBeEmergency: spec.mayBeEmergency ?? false, ...choice };
    }),
    quietHours: quiet ? { start: quiet.startTime, end: quiet.endTime } : null,
    timeZone: user.timeZone,
    emailAvailable: emailOn(ctx).email,
  };
}

export async function myNotificationPreferences(ctx: AppContext, user: UserRow): Promise<NotificationPreferences> {
  return ctx.db.tx((tx) => read(tx, ctx, user), actorOf(user));
}

/**
 * Replaces the user's preferences (the input is already parsed: known kinds, valid times, no
 * emergency switched off). Only choices that differ from a kind's defaults are stored; kinds left
 * out return to their defaults. One transaction with its audit record: all or nothing.
 */
export async function replaceMyNotificationPreferences(
  ctx: AppContext,
  user: UserRow,
  input: NotificationPreferencesInput,
  meta: RequestMeta,
): Promise<NotificationPreferences> {
  const at = ctx.clock.now();
  const changed = input.channels
    .filter((c): c is typeof c & { kind: NotificationKind } => isNotificationKind(c.kind))
    .filter((c) => {
      const spec = kindSpec(c.kind);
      return spec.urgency !== "emergency" && (c.inApp !== spec.defaults.inApp || c.email !== spec.defaults.email);
    });
  return ctx.db.tx(async (tx) => {
    await tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, user.id));
    if (changed.length > 0) {
      await tx
        .insert(notificationPreferences)
        .values(changed.map((c) => ({ userId: user.id, kind: c.kind, inApp: c.inApp, email: c.email, updatedAt: at })));
    }
    if (input.quietHours) {
      const values = { startTime: input.quietHours.start, endTime: input.quietHours.end, updatedAt: at };
      await tx
        .insert(notificationQuietHours)
        .values({ userId: user.id, ...values })
        .onConflictDoUpdate({ target: notificationQuietHours.userId, set: values });
    } else {
      await tx.delete(notificationQuietHours).where(eq(notificationQuietHours.userId, user.id));
    }
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "user.notification_preferences_changed",
      targetType: "user",
      targetId: user.id,
      details: {
        channels: Object.fromEntries(changed.map((c) => [c.kind, { inApp: c.inApp, email: c.email }])),
        quietHours: input.quietHours,
      },
    });
    return read(tx, ctx, user);
  }, actorOf(user));
}
