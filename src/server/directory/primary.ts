import { conflict } from "../http/errors";
import type { ContactPointRow } from "./entries";

/**
 * A Party with contact points keeps exactly one primary (the 24/7 point others call first).
 * Making another one primary demotes the old one; un-marking or removing the primary while
 * others remain is refused, because nobody would be first to call.
 */
export function checkPrimaryKept(
  current: ContactPointRow[],
  change: { id: string | null; isPrimary: boolean } | { removeId: string },
): void {
  if ("removeId" in change) {
    const removed = current.find((c) => c.id === change.removeId);
    if (removed?.isPrimary && current.length > 1) {
      throw conflict("primary_required", "Make another contact point primary before removing the primary one.");
    }
    return;
  }
  const target = change.id ? current.find((c) => c.id === change.id) : undefined;
  if (target?.isPrimary && !change.isPrimary) {
    throw conflict("primary_required", "A Party keeps one primary contact point: make another one primary instead.");
  }
  if (!change.id && !change.isPrimary && current.length === 0) {
    throw conflict("primary_required", "A Party's first contact point is its primary one: mark it primary.");
  }
}
