import { asc, lt } from "drizzle-orm";
import type { DirectoryDocument } from "../../shared/directory";
import type { Tx } from "../db/database";
import { directoryReleases } from "./tables";

/**
 * The versions of the directory shared with the Network before a moment, oldest first: what the
 * plenary report reads its "latest developments" and "directory versions shared" from.
 */
export async function releasesBefore(
  tx: Tx,
  end: Date,
): Promise<{ version: string; publishedAt: Date; document: DirectoryDocument }[]> {
  return tx
    .select({
      version: directoryReleases.version,
      publishedAt: directoryReleases.publishedAt,
      document: directoryReleases.document,
    })
    .from(directoryReleases)
    .where(lt(directoryReleases.publishedAt, end))
    .orderBy(asc(directoryReleases.publishedAt));
}
