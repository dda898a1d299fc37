import { authoritiesProgress } from "../authorities/progress";
import type { Tx } from "../db/database";

/**
 * The MLA / extradition directory's progress for the plenary report ("55/76 Parties provided
 * input"), as the authorities directory counts it today (its collection has no history per period).
 */
export async function loadMlaProgress(tx: Tx): Promise<{ provided: number; total: number } | null> {
  const p = await authoritiesProgress(tx);
  return { provided: p.provided, total: p.total };
}
