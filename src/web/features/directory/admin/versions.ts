/** This month's version ("2026-11"), or the next free suffix ("2026-11.1") when it is taken. */
export function suggestVersion(existing: readonly string[], now = new Date()): string {
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
  if (!existing.includes(month)) return month;
  for (let n = 1; n < 1000; n++) {
    if (!existing.includes(`${month}.${n}`)) return `${month}.${n}`;
  }
  return month;
}
