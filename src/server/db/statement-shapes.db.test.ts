import { asc, eq, gt, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../../test/harness/db";
import { parties } from "../directory/tables";
import type { Database } from "./database";
import { type Params, shaped } from "./statement-shapes";

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
  await db.ownerTx((tx) =>
    tx.insert(parties).values(
      ["XA", "XB", "XC"].map((iso2, i) => ({
        iso2,
        nameEn: `Shape ${iso2}`,
        nameFr: `Forme ${iso2}`,
        conventionRatifiedOn: `2026-0${i + 1}-01`,
        lastRemindedAt: new Date(`2026-0${i + 1}-01T12:00:00Z`),
      })),
    ),
  );
});
afterAll(async () => {
  await db.close();
});

describe("statements built once per shape", () => {
  it("build their SQL on the first call only, and answer each call's values as Drizzle would", async () => {
    let built = 0;
    const named = shaped((tx, p: Params<{ iso2: string }>) => {
      built++;
      return tx.select({ id: parties.id, nameEn: parties.nameEn }).from(parties).where(eq(parties.iso2, p.iso2));
    });
    const direct = (iso2: string) =>
      db.tx((tx) => tx.select({ id: parties.id, nameEn: parties.nameEn }).from(parties).where(eq(parties.iso2, iso2)));
    for (const iso2 of ["XA", "XB", "XC", "ZZ"]) {
      expect(await db.tx((tx) => named(tx, { iso2 }))).toEqual(await direct(iso2));
    }
    expect(built).toBe(1);
  });

  it("bind dates, keep the order, and map columns to their types", async () => {
    const remindedAfter = shaped((tx, p: Params<{ after: Date }>) =>
      tx
        .select({ iso2: parties.iso2, ratified: parties.conventionRatifiedOn, reminded: parties.lastRemindedAt })
        .from(parties)
        .where(gt(parties.lastRemindedAt, p.after))
        .orderBy(asc(parties.lastRemindedAt)),
    );
    const rows = await db.tx((tx) => remindedAfter(tx, { after: new Date("2026-01-15T00:00:00Z") }));
    expect(rows.filter((r) => r.iso2.startsWith("X"))).toEqual([
      { iso2: "XB", ratified: "2026-02-01", reminded: new Date("2026-02-01T12:00:00Z") },
      { iso2: "XC", ratified: "2026-03-01", reminded: new Date("2026-03-01T12:00:00Z") },
    ]);
  });

  it("map rows as Drizzle does: columns, SQL with its decoder, nulls, and nested fields", async () => {
    const fields = {
      iso2: parties.iso2,
      reminded: parties.lastRemindedAt,
      acceded: parties.conventionRatifiedOn,
      // A decoder of its own (mapWith), and a value that is null in some rows.
      year: sql`extract(year from ${parties.lastRemindedAt})`.mapWith(Number),
      none: sql<string | null>`nullif(${parties.iso2}, ${parties.iso2})`,
    };
    const flat = shaped((tx, p: Params<{ prefix: string }>) =>
      tx.select(fields).from(parties).where(like(parties.iso2, p.prefix)).orderBy(asc(parties.iso2)),
    );
    const nested = shaped((tx, p: Params<{ prefix: string }>) =>
      tx
        .select({ iso2: parties.iso2, names: { en: parties.nameEn, fr: parties.nameFr } })
        .from(parties)
        .where(like(parties.iso2, p.prefix))
        .orderBy(asc(parties.iso2)),
    );
    const flatRows = await db.tx((tx) => flat(tx, { prefix: "X%" }));
    expect(flatRows).toEqual(
      await db.tx((tx) => tx.select(fields).from(parties).where(like(parties.iso2, "X%")).orderBy(asc(parties.iso2))),
    );
    expect(flatRows[0]).toEqual({
      iso2: "XA",
      reminded: new Date("2026-01-01T12:00:00Z"),
      acceded: "2026-01-01",
      year: 2026,
      none: null,
    });
    expect(await db.tx((tx) => nested(tx, { prefix: "X%" }))).toEqual(
      ["XA", "XB", "XC"].map((iso2) => ({ iso2, names: { en: `Shape ${iso2}`, fr: `Forme ${iso2}` } })),
    );
  });
});
