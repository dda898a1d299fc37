import type { Tx } from "../db/database";

/**
 * The MLA / extradition directory's progress for the plenary report ("55/76 Parties provided
 * input"). That directory is built elsewhere (src/server/authorities/progress.ts will export
 * `authoritiesProgress(tx)`); until it is wired here, the report says the section has no data
 * yet rather than print a number nobody entered.
 *
 * TO WIRE AT MERGE: `const p = await authoritiesProgress(tx); return { provided: p.provided, total: p.total };`
 */
export async function loadMlaProgress(_tx: Tx): Promise<{ provided: number; total: number } | null> {
  return null;
}
