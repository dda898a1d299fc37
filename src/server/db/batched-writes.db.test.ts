import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresDatabase, testDbKind } from "../../../test/harness/db";
import { batchWrites } from "./batched-writes";
import { openDatabase, queryRows } from "./database";

type Stream = { _write: (...a: unknown[]) => unknown; _writev: (...a: unknown[]) => unknown };

/** Counts the socket writes of `client` (each one a system call). */
function countWrites(client: pg.Client): { count: () => number } {
  const stream = (client as unknown as { connection: { stream: Stream } }).connection.stream;
  let n = 0;
  for (const key of ["_write", "_writev"] as const) {
    const original = stream[key].bind(stream);
    stream[key] = (...a: unknown[]) => {
      n++;
      return original(...a);
    };
  }
  return { count: () => n };
}

/** PostgreSQL only: PGlite runs in-process, with no socket to write to. */
describe.runIf(testDbKind() === "postgres")("batched writes", () => {
  let url: string;
  beforeAll(async () => {
    url = await createPostgresDatabase();
  });

  async function withClient(batched: boolean, fn: (c: pg.Client) => Promise<void>): Promise<void> {
    const c = new pg.Client({ connectionString: url, pipeline: true });
    await c.connect();
    if (batched) batchWrites(c);
    try {
      await fn(c);
    } finally {
      await c.end();
    }
  }

  const three = (c: pg.Client) =>
    Promise.all([c.query("select $1::int as n", [1]), c.query("select $1::int as n", [2]), c.query("select 3 as n")]);

  it("sends the queries issued in one turn in one write, and answers each its own rows", async () => {
    let unbatched = 0;
    await withClient(false, async (c) => {
      const writes = countWrites(c);
      await three(c);
      unbatched = writes.count();
    });
    await withClient(true, async (c) => {
      const writes = countWrites(c);
      const answers = await three(c);
      expect(answers.map((a) => a.rows[0].n)).toEqual([1, 2, 3]);
      expect(writes.count()).toBe(1);
    });
    expect(unbatched).toBe(3);
  });

  it("writes again for queries issued after an answer", async () => {
    await withClient(true, async (c) => {
      const writes = countWrites(c);
      await c.query("select 1");
      await c.query("select 2");
      expect(writes.count()).toBe(2);
    });
  });
});

describe.runIf(testDbKind() === "postgres")("a transaction whose BEGIN fails", () => {
  const role = `vigil_t_${randomBytes(4).toString("hex")}`;
  let admin: pg.Client;
  let owner: string;

  beforeAll(async () => {
    owner = await createPostgresDatabase();
    admin = new pg.Client({ connectionString: owner });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`drop owned by ${role}`).catch(() => {});
    await admin.end();
  });

  it("runs none of its function's statements and reports why", async () => {
    // A login that may not become the application role: the BEGIN's set_config('role') fails.
    await admin.query(`create role ${role} login password 'pw'`);
    await admin.query(`grant all on schema public to ${role}`);
    const u = new URL(owner);
    u.username = role;
    u.password = "pw";
    const db = await openDatabase({ kind: "postgres", url: u.toString(), migrationUrl: owner, poolSize: 1 });
    try {
      let statement: unknown;
      const failed = await db
        .tx(async (tx) => {
          statement = await queryRows(tx, sql`create table begun_without_role (a int)`).catch((e: unknown) => e);
          return "done";
        })
        .catch((e: unknown) => e);
      expect(String(failed)).toMatch(/permission denied to set role/);
      // Refused because the transaction was aborted, not run as the login's own role.
      expect((statement as { cause?: { code?: string } }).cause?.code ?? (statement as { code?: string }).code).toBe(
        "25P02",
      );
      const left = await admin.query("select to_regclass('public.begun_without_role') as t");
      expect(left.rows[0].t).toBeNull();
      // The connection is usable again.
      const again = await db.lookup(async (q) => queryRows<{ one: number }>(q as never, sql`select 1 as one`));
      expect(again).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });
});
