import {
  type ChannelChoice,
  kindSpec,
  type NotificationKind,
  type QuietHours,
  type Urgency,
} from "../../shared/notification-kinds";

/**
 * Which channels a notification takes for one recipient, and when its e-mail may leave. Pure
 * functions: notify() applies them in the caller's transaction, tests call them directly.
 */

export type UserNotificationPrefs = {
  /** The user's choices, for the kinds they set away from the defaults. */
  channels: Partial<Record<NotificationKind, ChannelChoice>>;
  quietHours: QuietHours | null;
};

export type DeliveryPlan = {
  inApp: boolean;
  /** null: no e-mail. `sendAt` is `at` itself, or the end of the user's quiet hours. */
  email: { sendAt: Date; heldForQuietHours: boolean } | null;
};

export function deliveryPlan(
  prefs: UserNotificationPrefs,
  kind: NotificationKind,
  urgency: Urgency | undefined,
  at: Date,
  timeZone: string,
): DeliveryPlan {
  const spec = kindSpec(kind);
  // An emergency reaches the user at once on every channel: preferences and quiet hours are for
  // the ordinary traffic, never a reason to miss an urgent request.
  if ((urgency ?? spec.urgency) === "emergency") {
    return { inApp: true, email: { sendAt: at, heldForQuietHours: false } };
  }
  const choice = prefs.channels[kind] ?? spec.defaults;
  if (!choice.email) return { inApp: choice.inApp, email: null };
  const quietUntil = prefs.quietHours ? quietHoursEnd(prefs.quietHours, at, timeZone) : null;
  return {
    inApp: choice.inApp,
    // Held, never dropped: the outbox row is written now and becomes due when the quiet ends.
    email: quietUntil ? { sendAt: quietUntil, heldForQuietHours: true } : { sendAt: at, heldForQuietHours: false },
  };
}

/** "HH:MM" → minutes since midnight. */
function minutesOf(time: string): number {
  const [h, m] = time.split(":");
  return Number(h) * 60 + Number(m);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A zone this runtime knows, else UTC: a bad stored zone must not fail the caller's transaction. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      f = formatter("UTC");
    }
    formatters.set(timeZone, f);
  }
  return f;
}

type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The wall clock in `timeZone` at instant `at`. */
export function wallClock(at: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(at)) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Minutes the zone is ahead of UTC at instant `ms` (Europe/Paris in summer: 120). */
function offsetMinutes(ms: number, timeZone: string): number {
  const w = wallClock(new Date(ms), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The instants at which the wall clock in `timeZone` reads the given local date and minute: one
 * on most days, two when the clocks go back (the hour is lived twice), and none when they go
 * forward over it — then the instant the clocks jump, the first moment past that time.
 */
export function instantsAt(
  date: { year: number; month: number; day: number },
  minuteOfDay: number,
  timeZone: string,
): Date[] {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minuteOfDay);
  // Offsets a day either side cover any transition on that date.
  const offsets = new Set([offsetMinutes(naive - 86_400_000, timeZone), offsetMinutes(naive + 86_400_000, timeZone)]);
  const found = [...offsets]
    .map((off) => naive - off * 60_000)
    .filter((ms) => offsetMinutes(ms, timeZone) * 60_000 === naive - ms)
    .sort((a, b) => a - b);
  if (found.length > 0) return found.map((ms) => new Date(ms));
  if (offsets.size < 2) return [new Date(naive - ([...offsets][0] ?? 0) * 60_000)];
  // In a gap: the jump lies between the two readings; find the first minute on the new offset.
  const [early, late] = [...offsets].sort((a, b) => b - a).map((off) => naive - off * 60_000) as [number, number];
  const after = offsetMinutes(late, timeZone);
  let lo = early;
  let hi = late;
  while (hi - lo > 60_000) {
    const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
    if (offsetMinutes(mid, timeZone) === after) hi = mid;
    else lo = mid;
  }
  return [new Date(hi)];
}

/** Whether `at` falls within the quiet hours, read on the wall clock of `timeZone`. */
export function inQuietHours(quiet: QuietHours, at: Date, timeZone: string): boolean {
  const w = wallClock(at, timeZone);
  const now = w.hour * 60 + w.minute;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  // 22:00–07:00 spans midnight: quiet from 22:00 to the end of the day and from midnight to 07:00.
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** When the quiet period that holds `at` ends, or null if `at` is not within quiet hours. */
export function quietHoursEnd(quiet: QuietHours, at: Date, timeZone: string): Date | null {
  if (!inQuietHours(quiet, at, timeZone)) return null;
  const w = wallClock(at, timeZone);
  const end = minutesOf(quiet.end);
  const endsToday = w.hour * 60 + w.minute < end;
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day + (endsToday ? 0 : 1)));
  const date = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
  // The first such instant after `at` (when the hour is lived twice, `at` may lie between them).
  const candidates = instantsAt(date, end, timeZone).filter((d) => d.getTime() > at.getTime());
  return candidates[0] ?? new Date(at.getTime() + 60_000);
}
