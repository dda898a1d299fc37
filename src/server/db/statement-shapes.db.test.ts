import { asc, eq, gt } from "drizzle-orm";
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
});
