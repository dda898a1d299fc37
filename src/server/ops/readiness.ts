import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { AppContext } from "../context";
import { MIGRATIONS_FOLDER, queryRows } from "../db/database";

export type Readiness = { ready: boolean; checks: { database: boolean; migrations: boolean; jobs: boolean } };

/** The migrations this code expects (drizzle-kit's journal, shipped with it). */
const EXPECTED_MIGRATIONS = (
  JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  }
).entries.length;

/**
 * Whether this instance should receive traffic: the database answers, it holds every migration
 * this code expects (an instance of a newer release may have added some: more is fine), and the
 * job queue runs here. A balancer takes the instance out while any is false.
 */
export async function readiness(ctx: AppContext): Promise<Readiness> {
  let database = false;
  let migrations = false;
  try {
    // Drizzle's ledger of applied migrations belongs to the owner, as migrations do: read as the
    // owner, which changes nothing here.
    const [row] = await ctx.db.ownerTx((tx) =>
      queryRows<{ n: number }>(tx, sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
    );
    database = true;
    migrations = (row?.n ?? 0) >= EXPECTED_MIGRATIONS;
  } catch (err) {
    ctx.log.warn({ err }, "readiness: the database did not answer");
  }
  const jobs = ctx.jobs?.running ?? false;
  return { ready: database && migrations && jobs, checks: { database, migrations, jobs } };
}
