import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { testContext } from "../../../test/harness/context";
import { secondHandle, testDatabase, testDbKind } from "../../../test/harness/db";
import type { AppContext } from "../context";
import { freshnessJob } from "../directory/jobs";
import { JOBS } from "./catalogue";
import { type JobDefinition, JobQueue } from "./queue";

// The queue's own behaviour, with jobs whose handlers record what they were given.
const runs: { job: string; n: number; instance: string; retry: number }[] = [];
let failuresLeft = 0;

const counted: JobDefinition<{ n: number }> = {
  name: "test.counted",
  data: z.object({ n: z.number().int() }),
  retry: { limit: 0, delaySeconds: 1 },
  async run(ctx, data, job) {
    // The scale-out test's jobs take a little time, so that both instances get to fetch some.
    if (data.n >= 100) await new Promise((r) => setTimeout(r, 50));
    runs.push({ job: "counted", n: data.n, instance: ctx.config.publicUrl, retry: job.retryCount });
  },
};
const flaky: JobDefinition<{ n: number }> = {
  name: "test.flaky",
  data: z.object({ n: z.number().int() }),
  retry: { limit: 3, delaySeconds: 1 },
  async run(_ctx, data, job) {
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      throw new Error("receiver unavailable");
    }
    runs.push({ job: "flaky", n: data.n, instance: "", retry: job.retryCount });
  },
};
const TEST_JOBS = [counted, flaky] as JobDefinition<unknown>[];

let ctx: AppContext;
beforeAll(async () => {
  ctx = testContext(await testDatabase());
});
afterAll(async () => {
  await ctx.db.close();
});

const until = (pred: () => boolean, timeout = 20_000) => expect.poll(pred, { timeout, interval: 100 }).toBe(true);

describe("job queue (pg-boss)", () => {
  it("runs a delayed job sent inside a committed transaction, not one whose transaction rolled back", async () => {
    const queue = await JobQueue.start(ctx, TEST_JOBS, { pollingIntervalSeconds: 0.5 });
    try {
      const startAfter = new Date(Date.now() + 1500);
      await ctx.db.tx((tx) => queue.enqueue(tx, counted, { n: 1 }, { startAfter }));
      await expect(
        ctx.db.tx(async (tx) => {
          await queue.enqueue(tx, counted, { n: 2 });
          throw new Error("the change failed");
        }),
      ).rejects.toThrow("the change failed");
      await until(() => runs.some((r) => r.n === 1));
      const ran = runs.find((r) => r.n === 1);
      expect(ran).toBeDefined();
      expect(Date.now()).toBeGreaterThanOrEqual(startAfter.getTime());
      // The rolled-back job never existed.
      const stored = await queue.jobs("test.counted");
      expect(stored.map((j) => j.data)).toEqual([{ n: 1 }]);
      expect(runs.filter((r) => r.n === 2)).toEqual([]);
    } finally {
      await queue.stop();
    }
  });

  it("retries a failing job with back-off until it succeeds", async () => {
    const queue = await JobQueue.start(ctx, TEST_JOBS, { pollingIntervalSeconds: 0.5 });
    try {
      failuresLeft = 2;
      await queue.send(flaky, { n: 10 });
      await until(() => runs.some((r) => r.job === "flaky" && r.n === 10), 30_000);
      expect(runs.find((r) => r.job === "flaky")?.retry).toBe(2);
      const [job] = await queue.jobs("test.flaky");
      expect(job?.retryCount).toBe(2);
    } finally {
      await queue.stop();
    }
  });

  it("keeps a job across a restart: sent by one queue that stops, run by the next", async () => {
    const before = await JobQueue.start(ctx, TEST_JOBS, { workers: false });
    await ctx.db.tx((tx) => before.enqueue(tx, counted, { n: 20 }, { startAfter: new Date(Date.now() + 500) }));
    await before.stop();
    expect(runs.some((r) => r.n === 20)).toBe(false);
    const after = await JobQueue.start(ctx, TEST_JOBS, { pollingIntervalSeconds: 0.5 });
    try {
      await until(() => runs.some((r) => r.n === 20));
    } finally {
      await after.stop();
    }
  });

  it("refuses a payload that does not match the job's schema, and a job not in the catalogue", async () => {
    const queue = await JobQueue.start(ctx, TEST_JOBS, { workers: false });
    try {
      await expect(queue.send(counted, { n: "x" } as unknown as { n: number })).rejects.toThrow();
      const stranger = { ...counted, name: "test.unknown" };
      await expect(ctx.db.tx((tx) => queue.enqueue(tx, stranger, { n: 1 }))).rejects.toThrow(/not in the catalogue/);
    } finally {
      await queue.stop();
    }
  });

  it("registers the recurring jobs of the catalogue with their cron", async () => {
    const queue = await JobQueue.start(ctx, JOBS, { workers: false });
    try {
      expect(await queue.schedules()).toContainEqual({ name: freshnessJob.name, cron: freshnessJob.cron });
      // A second instance starting registers the same schedule, not a second one.
      const second = await JobQueue.start(ctx, JOBS, { workers: false });
      await second.stop();
      expect((await queue.schedules()).filter((s) => s.name === freshnessJob.name)).toHaveLength(1);
    } finally {
      await queue.stop();
    }
  });

  it.runIf(testDbKind() === "postgres")(
    "with two instances on one PostgreSQL, each job runs on exactly one of them",
    async () => {
      const ctxB = { ...testContext(await secondHandle(ctx.db)), config: { ...ctx.config, publicUrl: "B" } };
      const ctxA = { ...ctx, config: { ...ctx.config, publicUrl: "A" } };
      const a = await JobQueue.start(ctxA, TEST_JOBS, { pollingIntervalSeconds: 0.5 });
      const b = await JobQueue.start(ctxB, TEST_JOBS, { pollingIntervalSeconds: 0.5 });
      try {
        const ns = Array.from({ length: 40 }, (_, i) => 100 + i);
        await ctx.db.tx(async (tx) => {
          for (const n of ns) await a.enqueue(tx, counted, { n });
        });
        await until(() => ns.every((n) => runs.some((r) => r.n === n)), 30_000);
        // Give a double run the time to show up, then count.
        await new Promise((r) => setTimeout(r, 1000));
        const mine = runs.filter((r) => r.n >= 100);
        expect(mine).toHaveLength(ns.length);
        expect(new Set(mine.map((r) => r.n)).size).toBe(ns.length);
        // Both instances took part (each polls; the first to lock a row gets it).
        expect(new Set(mine.map((r) => r.instance))).toEqual(new Set(["A", "B"]));
        // pg-boss's tables are in the application's database, visible to a plain query.
        const [row] = (
          (await ctx.db.ownerTx((tx) =>
            tx.execute(
              sql`select count(*)::int as n from pgboss.job where name = 'test.counted' and state = 'completed'`,
            ),
          )) as unknown as { rows: { n: number }[] }
        ).rows;
        expect(row?.n).toBeGreaterThanOrEqual(ns.length);
      } finally {
        await a.stop();
        await b.stop();
        await ctxB.db.close();
      }
    },
  );
});
