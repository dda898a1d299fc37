import type { FastifyInstance } from "fastify";
import { collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../db/database";
import { outboxDepth } from "../notify/outbox";

/**
 * The instance's Prometheus metrics. A registry per app (not prom-client's global one), so that
 * tests building several apps in one process do not share counters. Labels never carry case
 * content: a route is its pattern (`/api/requests/:id`), never the URL with its ids or query.
 */
export function createMetrics(ctx: AppContext): { registry: Registry; observe: (app: FastifyInstance) => void } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "vigil_" });

  const duration = new Histogram({
    name: "vigil_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method, route pattern and status code",
    labelNames: ["method", "route", "status_code"] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  new Gauge({
    name: "vigil_outbox_messages",
    help: "Messages waiting in the outbox (pending) or given up (failed), by channel",
    labelNames: ["channel", "status"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await ctx.db.tx((tx) => outboxDepth(tx, ctx.clock.now()), SYSTEM_ACTOR);
      for (const r of rows) this.set({ channel: r.channel, status: r.status }, r.n);
    },
  });
  new Gauge({
    name: "vigil_outbox_oldest_due_seconds",
    help: "How long the oldest pending message that is due has waited, by channel (0: none)",
    labelNames: ["channel"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await ctx.db.tx((tx) => outboxDepth(tx, ctx.clock.now()), SYSTEM_ACTOR);
      for (const r of rows) if (r.status === "pending") this.set({ channel: r.channel }, r.oldestDueSeconds ?? 0);
    },
  });
  new Gauge({
    name: "vigil_job_lag_seconds",
    help: "How long the oldest job that could run has waited, by queue (pg-boss, shared by all instances)",
    labelNames: ["queue"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const q of (await ctx.jobs?.lag()) ?? []) this.set({ queue: q.name }, q.oldestSeconds);
    },
  });
  new Gauge({
    name: "vigil_jobs_waiting",
    help: "Jobs that could run now and wait for a worker, by queue",
    labelNames: ["queue"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const q of (await ctx.jobs?.lag()) ?? []) this.set({ queue: q.name }, q.waiting);
    },
  });

  return {
    registry,
    observe: (app) => {
      app.addHook("onResponse", async (request, reply) => {
        const route = request.routeOptions.url;
        // A Server-Sent Events stream lasts as long as the page is open: not a latency.
        if (route === "/api/events") return;
        duration.observe(
          { method: request.method, route: route ?? "unmatched", status_code: String(reply.statusCode) },
          reply.elapsedTime / 1000,
        );
      });
    },
  };
}
