import type { Tx } from "../db/database";
import { readAuthorityEntries } from "./entries";

/**
 * How far the collection has come, for the campaign page and the plenary report ("55/76 Parties
 * provided input"): the Parties that answered, the number of Parties (from the data, never a
 * constant), and per Party the counted fields its own answer leaves empty (every one of them for
 * a Party that has not answered), in the Parties' alphabetical order.
 *
 * Reads as whoever runs `tx`: give it a transaction of the Secretariat or the system (row-level
 * security shows the authorities tables to the Parties' members only).
 */
export async function authoritiesProgress(
  tx: Tx,
): Promise<{ provided: number; total: number; missing: { partyIso: string; fields: string[] }[] }> {
  const entries = await readAuthorityEntries(tx);
  return {
    provided: entries.filter((e) => e.submission !== null).length,
    total: entries.length,
    missing: entries.filter((e) => e.missing.length > 0).map((e) => ({ partyIso: e.iso2, fields: e.missing })),
  };
}
