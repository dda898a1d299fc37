import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError } from "../../shared/errors";
import type { AppContext } from "../context";
import { forbidden } from "../http/errors";
import { createMetrics } from "./metrics";
import { readiness } from "./readiness";

const Health = z.object({ status: z.literal("ok") });
const Ready = z.object({
  status: z.enum(["ready", "not_ready"]),
  checks: z.object({ database: z.boolean(), migrations: z.boolean(), jobs: z.boolean() }),
});

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * Who may read /metrics. With VIGIL_METRICS_TOKEN, whoever presents it as a Bearer token (a
 * Prometheus server elsewhere). Without it, only a caller on this machine that did not come
 * through a proxy: the socket's own address (not X-Forwarded-For, whatever TRUST_PROXY says) and
 * no forwarding header, so a TLS proxy on the same host does not open it to the Internet. The
 * metrics name routes, queues and counts, never case content, but they are still not public.
 */
export function mayReadMetrics(request: FastifyRequest, token: string | undefined): boolean {
  if (token) {
    const given = Buffer.from(request.headers.authorization ?? "");
    const expected = Buffer.from(`Bearer ${token}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
  const forwarded = request.headers["x-forwarded-for"] !== undefined || request.headers.forwarded !== undefined;
  return !forwarded && LOOPBACK.has(request.socket.remoteAddress ?? "");
}

/**
 * The endpoints of operations: /health (the process answers: for a liveness probe), /ready (it
 * should get traffic: for the load balancer) and /metrics (Prometheus). Outside /api: they are
 * about the instance, not the Network's data, and need no session. Registered before the modules'
 * routes so that the latency histogram sees all of them.
 */
export async function registerOps(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const metrics = createMetrics(ctx);
  metrics.observe(app);
  const tags = ["operations"];
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    "/health",
    { schema: { tags, summary: "Liveness: the process answers", response: { 200: Health } } },
    async () => ({ status: "ok" as const }),
  );
  r.get(
    "/ready",
    {
      schema: {
        tags,
        summary: "Readiness: database reachable, migrations applied, job queue running (503 otherwise)",
        response: { 200: Ready, 503: Ready },
      },
    },
    async (_request, reply) => {
      const { ready, checks } = await readiness(ctx);
      return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "not_ready", checks });
    },
  );
  r.get(
    "/metrics",
    {
      schema: {
        tags,
        summary: "Prometheus metrics: loopback callers, or the VIGIL_METRICS_TOKEN Bearer token",
        response: { 200: z.string(), 403: ApiError },
      },
      onRequest: async (request) => {
        if (!mayReadMetrics(request, ctx.config.metricsToken)) {
          throw forbidden("Metrics are for this machine, or for a caller with the metrics token.");
        }
      },
    },
    async (_request, reply) => {
      const text = await metrics.registry.metrics();
      // Sent as text: the JSON serializer would quote it.
      return reply
        .type(metrics.registry.contentType)
        .serializer((s: string) => s)
        .send(text);
    },
  );
}
