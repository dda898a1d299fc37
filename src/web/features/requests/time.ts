import type { TFunction } from "i18next";
import { offsetName } from "../directory/time";

/** A moment in a time zone, 24-hour clock: "21 Nov 2026, 02:40". */
export function formatMoment(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const options = { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" } as const;
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(date);
  } catch {
    // A zone this browser does not know (an account set up with a wrong one): the device's own.
    return new Intl.DateTimeFormat(locale, options).format(date);
  }
}

/** "02:40" in a time zone. */
export function formatTime(iso: string | Date, locale: string, timeZone?: string): string {
  const date = typeof iso === "string" ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(
    date,
  );
}

/** "Santiago (GMT-3)": the place a zone is named after, and its offset at that moment. */
export function zoneLabel(timeZone: string, at: Date, locale: string): string {
  const city = (timeZone.split("/").pop() ?? timeZone).replaceAll("_", " ");
  return `${city} (${offsetName(at, locale, timeZone)})`;
}

/** A duration in minutes in words: "4 min", "2 h 05", "3 d 4 h". */
export function formatDuration(t: TFunction, minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return t("requests.duration.minutes", { count: m });
  if (m < 24 * 60) {
    const hours = Math.floor(m / 60);
    return m % 60 === 0
      ? t("requests.duration.wholeHours", { hours })
      : t("requests.duration.hours", { hours, minutes: String(m % 60).padStart(2, "0") });
  }
  return t("requests.duration.days", { days: Math.floor(m / 1440), hours: Math.floor((m % 1440) / 60) });
}

type Parts = { year: number; month: number; day: number; hour: number; minute: number };

function partsIn(at: Date, timeZone: string): Parts {
  const out: Record<string, number> = {};
  for (const p of new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at)) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    hour: out.hour ?? 0,
    minute: out.minute ?? 0,
  };
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * "2026-11-21T02:40" read as a wall-clock time in `timeZone` → the moment (ISO, UTC). Null when the
 * text is not such a time. In the hour skipped by a change to summer time, the later reading wins.
 */
export function zonedToIso(local: string, timeZone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let guess = wall;
  // Two rounds settle the offset, including around a change of offset.
  for (let i = 0; i < 2; i++) {
    const p = partsIn(new Date(guess), timeZone);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
    guess += wall - seen;
  }
  return new Date(guess).toISOString();
}

/** The moment as "YYYY-MM-DDTHH:MM" in `timeZone`, for a datetime-local input. */
export function isoToZoned(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const p = partsIn(date, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)}T${two(p.hour)}:${two(p.minute)}`;
}
