import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, testDbKind } from "../../../test/harness/db";
import { type Database, openDatabase, queryRows, together } from "./database";
import { namePreparedStatements, statementName } from "./prepared-statements";
import { parties } from "./schema";

/** PostgreSQL only: PGlite runs in-process, with no protocol round trip to save. */
describe.runIf(testDbKind() === "postgres")("named prepared statements", () => {
  let url: string;
  let client: pg.Client;

  beforeAll(async () => {
    url = await createPostgresDatabase();
    client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("create table t (a int not null)");
    await client.query("insert into t values (1), (2), (3)");
  });
  afterAll(async () => {
    await client.end();
  });

  async function preparedOnThisConnection(c: pg.ClientBase): Promise<string[]> {
    // No parameters: this query itself is never named.
    const r = await c.query("select name from pg_prepared_statements order by name");
    return r.rows.map((row: { name: string }) => row.name);
  }

  /** A connection of its own for one test, closed after it. */
  async function onNewConnection(fn: (c: pg.Client) => Promise<void>): Promise<void> {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await fn(c);
    } finally {
      await c.end();
    }
  }

  it("names a parameterised statement and runs it again without parsing it", async () => {
    await onNewConnection(async (c) => {
      const seen = namePreparedStatements(c);
      const text = "select a from t where a >= $1 order by a";
      const first = await c.query({ text }, [2]);
      const second = await c.query({ text }, [1]);
      expect(first.rows.map((r) => r.a)).toEqual([2, 3]);
      expect(second.rows.map((r) => r.a)).toEqual([1, 2, 3]);
      expect([...seen.named.keys()]).toEqual([text]);
      expect(await preparedOnThisConnection(c)).toEqual([statementName(text)]);
    });
  });

  it("names at most `max` texts per connection and sends the others unnamed", async () => {
    await onNewConnection(async (c) => {
      const seen = namePreparedStatements(c, 2);
      for (const n of [1, 2, 3]) {
        const r = await c.query({ text: `select a from t where a = $1 and ${n} = ${n}` }, [n]);
        expect(r.rows).toEqual([{ a: n }]);
      }
      expect(seen.named.size).toBe(2);
      expect(await preparedOnThisConnection(c)).toHaveLength(2);
    });
  });

  it("leaves statements without parameters unnamed, so that several can share a text", async () => {
    await onNewConnection(async (c) => {
      const seen = namePreparedStatements(c);
      const results = (await c.query({ text: "select 1 as one; select 2 as two" }, [])) as unknown as pg.QueryResult[];
      expect(results.map((r) => r.rows[0])).toEqual([{ one: 1 }, { two: 2 }]);
      expect(seen.named.size).toBe(0);
    });
  });

  it("fails once when a migration changes a prepared result's shape, then runs the text unnamed", async () => {
    await onNewConnection(async (c) => {
      await c.query("create table shifting (a int)");
      await c.query("insert into shifting values (7)");
      const seen = namePreparedStatements(c);
      const text = "select * from shifting where a = $1";
      expect((await c.query({ text }, [7])).rows).toEqual([{ a: 7 }]);
      // Another instance migrating while this connection keeps its prepared statement.
      await client.query("alter table shifting add column b int default 0");
      await expect(c.query({ text }, [7])).rejects.toMatchObject({ code: "0A000" });
      expect(seen.refused.has(text)).toBe(true);
      expect((await c.query({ text }, [7])).rows).toEqual([{ a: 7, b: 0 }]);
    });
  });

  it("works through a pool, which passes a callback", async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    const seen: ReturnType<typeof namePreparedStatements>[] = [];
    pool.on("connect", (c) => {
      seen.push(namePreparedStatements(c));
    });
    try {
      const text = "select count(*)::int as n from t where a <> $1";
      expect((await pool.query({ text }, [1])).rows).toEqual([{ n: 2 }]);
      expect((await pool.query({ text }, [2])).rows).toEqual([{ n: 2 }]);
      expect(seen).toHaveLength(1);
      expect([...(seen[0]?.named.keys() ?? [])]).toEqual([text]);
    } finally {
      await pool.end();
    }
  });

  describe("in Vigil's database handle", () => {
    let named: Database;
    let unnamed: Database;
    beforeAll(async () => {
      const db = await createPostgresDatabase();
      named = await openDatabase({ kind: "postgres", url: db, poolSize: 1 });
      unnamed = await openDatabase({ kind: "postgres", url: db, poolSize: 1, preparedStatements: false });
    });
    afterAll(async () => {
      await named?.close();
      await unnamed?.close();
    });

    async function countAfterSelect(db: Database): Promise<number> {
      return db.tx(async (tx) => {
        await tx.select({ id: parties.id }).from(parties).where(eq(parties.iso2, "ZZ"));
        const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from pg_prepared_statements`);
        return row?.n ?? 0;
      });
    }

    it("names Drizzle's queries in a transaction, unless told not to", async () => {
      expect(await countAfterSelect(named)).toBeGreaterThan(0);
      expect(await countAfterSelect(unnamed)).toBe(0);
    });

    it("pipelines reads issued together; the first to fail is reported and rolls the transaction back", async () => {
      // One connection in the pool: the transaction after the failure runs on the same one.
      const read = (tx: Parameters<Parameters<Database["tx"]>[0]>[0], iso2: string) =>
        tx.select({ id: parties.id }).from(parties).where(eq(parties.iso2, iso2));
      await expect(
        named.tx(async (tx) =>
          together([
            tx.insert(parties).values({ iso2: "QQ", nameEn: "Pipeline", nameFr: "Pipeline" }),
            read(tx, "QQ"),
            queryRows(tx, sql`select 1 / ${0}::int as never`),
            read(tx, "QQ"),
          ]),
        ),
      ).rejects.toMatchObject({ cause: { message: "division by zero" } });
      const [ok, inserted] = await named.tx(async (tx) =>
        together([queryRows<{ one: number }>(tx, sql`select ${1}::int as one`), read(tx, "QQ")]),
      );
      expect(ok).toEqual([{ one: 1 }]);
      expect(inserted).toEqual([]);
    });
  });
});
