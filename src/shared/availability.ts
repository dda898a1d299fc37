import type { OpeningHours } from "./directory";

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** One formatter per zone: building one costs more than the rest of a search row (a few hundred zones exist). */
const clocks = new Map<string, Intl.DateTimeFormat>();

function clockOf(timeZone: string): Intl.DateTimeFormat {
  let f = clocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    // Only zones that built a formatter get here; the bound keeps odd inputs from growing it.
    if (clocks.size < 1000) clocks.set(timeZone, f);
  }
  return f;
}

/** Weekday (1 = Monday) and minutes since midnight at `at`, in the IANA time zone `timeZone`. */
export function localClock(at: Date, timeZone: string): { weekday: number; minutes: number; hhmm: string } {
  const parts = clockOf(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const hour = Number(get("hour"));
  const minute = Number(get("minute"));
  return {
    weekday: WEEKDAYS[get("weekday")] ?? 1,
    minutes: hour * 60 + minute,
    hhmm: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`,
  };
}

const toMinutes = (hhmm: string) => {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/**
 * Whether a contact point answers at `at`: always when 24/7, otherwise when its local time falls in
 * one of its opening-hours ranges. A range ending before it starts runs past midnight (22:00–06:00).
 */
export function isOpenAt(
  cp: { available247: boolean; timeZone: string; openingHours: OpeningHours | null },
  at: Date,
): boolean {
  if (cp.available247) return true;
  if (!cp.openingHours) return false;
  const { weekday, minutes } = localClock(at, cp.timeZone);
  const yesterday = weekday === 1 ? 7 : weekday - 1;
  return cp.openingHours.some((range) => {
    const from = toMinutes(range.from);
    const to = toMinutes(range.to);
    if (from <= to) return range.days.includes(weekday) && minutes >= from && minutes < to;
    // Overnight: the evening part belongs to the listed day, the early-morning part to the next.
    return (range.days.includes(weekday) && minutes >= from) || (range.days.includes(yesterday) && minutes < to);
  });
}
