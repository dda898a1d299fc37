import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { buildApp } from "../app";
import type { AppContext } from "../context";
import { type JobDefinition, JobQueue } from "../jobs/queue";
import { enqueueEmail } from "../notify/outbox";

const waiting: JobDefinition<{ n: number }> = {
  name: "test.ops_waiting",
  data: z.object({ n: z.number().int() }),
  async run() {},
};

let ctx: AppContext;
let app: FastifyInstance;
beforeAll(async () => {
  ctx = testContext(await testDatabase());
  app = await buildApp(ctx);
});
afterAll(async () => {
  await app.close();
  await ctx.jobs?.stop();
  await ctx.db.close();
});

const metricsText = async (opts: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  app.inject({ method: "GET", url: "/metrics", ...opts });

describe("health and readiness", () => {
  it("/health answers while the process runs; /ready only once the job queue runs", async () => {
    expect((await app.inject("/health")).json()).toEqual({ status: "ok" });
    const before = await app.inject("/ready");
    expect(before.statusCode).toBe(503);
    expect(before.json()).toEqual({
      status: "not_ready",
      checks: { database: true, migrations: true, jobs: false },
    });
    ctx.jobs = await JobQueue.start(ctx, [waiting] as JobDefinition<unknown>[], { workers: false });
    const after = await app.inject("/ready");
    expect(after.statusCode).toBe(200);
    expect(after.json().checks).toEqual({ database: true, migrations: true, jobs: true });
  });
});

describe("/metrics", () => {
  it("labels request latency by route pattern, never by the URL's ids", async () => {
    const id = randomUUID();
    expect((await app.inject(`/api/requests/${id}`)).statusCode).toBe(401);
    const res = await metricsText();
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/plain");
    expect(res.body).toMatch(
      /vigil_http_request_duration_seconds_count\{method="GET",route="\/api\/requests\/:id",status_code="401"\} 1/,
    );
    expect(res.body).not.toContain(id);
    expect(res.body).toContain("vigil_process_resident_memory_bytes");
  });

  it("reports the outbox's depth and the jobs waiting with their lag", async () => {
    const at = ctx.clock.now();
    await ctx.db.tx((tx) =>
      enqueueEmail(
        tx,
        null,
        { to: "cp@example.org", locale: "en", kind: "test", params: {}, link: null },
        `ops-${randomUUID()}`,
        new Date(at.getTime() - 60_000),
      ),
    );
    await ctx.jobs?.send(waiting, { n: 1 });
    const body = (await metricsText()).body;
    expect(body).toMatch(/vigil_outbox_messages\{channel="email",status="pending"\} 1/);
    const oldest = Number(body.match(/vigil_outbox_oldest_due_seconds\{channel="email"\} ([\d.]+)/)?.[1]);
    expect(oldest).toBeGreaterThanOrEqual(60);
    expect(body).toMatch(/vigil_jobs_waiting\{queue="test.ops_waiting"\} 1/);
    expect(body).toMatch(/vigil_job_lag_seconds\{queue="test.ops_waiting"\} [\d.e-]+/);
  });

  it("is refused to a caller from elsewhere, and to one that came through a proxy", async () => {
    expect((await metricsText({ remoteAddress: "192.0.2.7" })).statusCode).toBe(403);
    expect((await metricsText({ headers: { "x-forwarded-for": "192.0.2.7" } })).statusCode).toBe(403);
  });

  it("with VIGIL_METRICS_TOKEN, opens to whoever presents the token, and only to them", async () => {
    const token = "metrics-token-0123456789abcdef";
    const withToken = await buildApp({ ...ctx, config: { ...ctx.config, metricsToken: token } });
    try {
      const get = (headers: Record<string, string>) =>
        withToken.inject({ method: "GET", url: "/metrics", remoteAddress: "192.0.2.7", headers });
      expect((await get({ authorization: `Bearer ${token}` })).statusCode).toBe(200);
      expect((await get({ authorization: `Bearer ${token}x` })).statusCode).toBe(403);
      expect((await get({})).statusCode).toBe(403);
      // The token is the rule once set: loopback alone no longer suffices.
      expect((await withToken.inject("/metrics")).statusCode).toBe(403);
    } finally {
      await withToken.close();
    }
  });
});

describe("readiness when the instance stops", () => {
  it("/ready turns the balancer away once the job queue has stopped", async () => {
    await ctx.jobs?.stop();
    const res = await app.inject("/ready");
    expect(res.statusCode).toBe(503);
    expect(res.json().checks.jobs).toBe(false);
    ctx.jobs = undefined;
  });
});
