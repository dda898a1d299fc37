import { useEffect, useState } from "react";

/** The current time, refreshed every `intervalMs` (a contact point's local clock must not freeze on an open page). */
export function useNow(intervalMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    // A phone that slept keeps a stale clock until the next tick: refresh as soon as the page is shown again.
    const onVisible = () => {
      if (document.visibilityState === "visible") setNow(new Date());
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [intervalMs]);
  return now;
}

/** "Mon 08:40" in the given time zone, worded in the UI locale; always a 24-hour clock, as duty officers read it. */
export function formatClock(at: Date, locale: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}

/** "GMT+2": the offset of a time zone at a moment (it changes with summer time). */
export function offsetName(at: Date, locale: string, timeZone: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "shortOffset" })
    .formatToParts(at)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

/** A calendar date (YYYY-MM-DD, no time zone) in words: "20 June 2002". */
export function formatIsoDate(isoDate: string, locale: string): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  // Built in UTC and formatted in UTC so that no time zone shifts the day.
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}

/** A moment (ISO date-time) as a date in the viewer's time zone. */
export function formatDateTime(iso: string, locale: string, withTime = false): string {
  return new Intl.DateTimeFormat(
    locale,
    withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "long" },
  ).format(new Date(iso));
}

/** Whole days from `now` until a calendar date (negative when past). */
export function daysUntil(isoDate: string, now: Date): number {
  const [y, m, d] = isoDate.split("-").map(Number);
  const target = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((target - today) / 86_400_000);
}

/** Weekday names, Monday first (ISO 1…7), in the UI locale. */
export function weekdayNames(locale: string, width: "short" | "long" = "short"): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: width, timeZone: "UTC" });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** ISO weekdays as short runs: [1,2,3,4,5,7] → "Mon–Fri, Sun". */
export function formatDays(days: readonly number[], locale: string): string {
  const names = weekdayNames(locale);
  const sorted = [...new Set(days)].filter((d) => d >= 1 && d <= 7).sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const day of sorted) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .map((run) => {
      const first = names[(run[0] ?? 1) - 1] ?? "";
      const last = names[(run.at(-1) ?? 1) - 1] ?? "";
      if (run.length >= 3) return `${first}–${last}`;
      return run.map((d) => names[d - 1] ?? "").join(", ");
    })
    .join(", ");
}
