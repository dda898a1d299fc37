import { asc, eq, sql } from "drizzle-orm";
import type { PartySummary } from "../../shared/directory";
import type { Tx } from "../db/database";
import { contactPoints, parties } from "./tables";

/** Every Party with its number of contact points and the type of its primary one. */
export async function listPartySummaries(tx: Tx): Promise<PartySummary[]> {
  const rows = await tx
    .select({
      id: parties.id,
      iso2: parties.iso2,
      nameEn: parties.nameEn,
      nameFr: parties.nameFr,
      status: parties.status,
      contactPointCount: sql<number>`count(${contactPoints.id})::int`,
      primaryType: sql<
        PartySummary["primaryType"]
      >`max(${contactPoints.type}::text) filter (where ${contactPoints.isPrimary})`,
    })
    .from(parties)
    .leftJoin(contactPoints, eq(contactPoints.partyId, parties.id))
    .groupBy(parties.id)
    .orderBy(asc(parties.nameEn));
  return rows;
}
