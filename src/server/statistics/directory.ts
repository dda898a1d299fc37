import { CONTACT_POINT_TYPES, type DirectoryDocument } from "../../shared/directory";
import type { DirectoryFigures } from "../../shared/plenary";

/**
 * Parties with contact points, with more than one, and contact points by type (the non-zero
 * types, in the vocabulary's order), as the plenary counts them: only Parties (not signatories
 * or observers) with at least one contact point.
 */
export function contactPointFigures(doc: DirectoryDocument): Omit<DirectoryFigures, "parties"> & { parties: number } {
  const withCps = doc.parties.filter((p) => p.status === "party" && p.contactPoints.length > 0);
  const counts = new Map<string, number>();
  for (const p of withCps) for (const cp of p.contactPoints) counts.set(cp.type, (counts.get(cp.type) ?? 0) + 1);
  return {
    parties: doc.parties.filter((p) => p.status === "party").length,
    partiesWithContactPoints: withCps.length,
    moreThanOne: withCps.filter((p) => p.contactPoints.length > 1).length,
    contactPoints: withCps.reduce((n, p) => n + p.contactPoints.length, 0),
    byType: CONTACT_POINT_TYPES.filter((t) => (counts.get(t) ?? 0) > 0).map((type) => ({
      type,
      count: counts.get(type) ?? 0,
    })),
  };
}
