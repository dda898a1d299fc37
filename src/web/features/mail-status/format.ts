/** "4 min", "2 h 5 min", "3 days": how long something has waited, in the UI language. */
export function formatAge(seconds: number, locale: string): string {
  const unit = (value: number, u: "minute" | "hour" | "day") =>
    new Intl.NumberFormat(locale, { style: "unit", unit: u, unitDisplay: u === "day" ? "long" : "short" }).format(
      value,
    );
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return unit(Math.max(minutes, seconds > 0 ? 1 : 0), "minute");
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${unit(hours, "hour")} ${unit(minutes % 60, "minute")}` : unit(hours, "hour");
  return unit(Math.floor(hours / 24), "day");
}
