import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { ApiError } from "../../shared/errors";
import { appendAudit } from "../audit/log";
import { OffsetClock } from "../clock";
import type { AppContext } from "../context";
import { SYSTEM_ACTOR } from "../db/database";
import { notFound } from "../http/errors";
import { sweepPings } from "../pings/campaigns";
import { sweepDeadlines } from "../requests/deadlines";

const Advance = z.object({
  /** Up to a day at a time: enough for acknowledgement targets, not a way to age data. */
  minutes: z.number().int().min(1).max(1440),
});
const Advanced = z.object({
  now: z.iso.datetime(),
  offsetMinutes: z.number(),
  deadlines: z.object({ reminded: z.number().int(), escalated: z.number().int(), warned: z.number().int() }),
});

/**
 * The demo network's fast-forward: "what happens if nobody answers for 15 minutes?" without
 * waiting 15 minutes, for training sessions and the browser journeys. The clock moves forward,
 * then the deadline sweep runs as its five-minute job would. Only with VIGIL_CLOCK_CONTROL on a
 * demo server (config.ts refuses it otherwise); everywhere else the route answers 404.
 */
export function demoClockRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/demo/clock",
      {
        schema: {
          tags: ["demo"],
          summary:
            "Demo with VIGIL_CLOCK_CONTROL only: move the server's clock forward and run the deadline and ping test checks",
          body: Advance,
          response: { 200: Advanced, 400: ApiError, 404: ApiError },
        },
        // Absent unless switched on: "not found" before the body is even read.
        onRequest: async () => {
          if (!ctx.config.clockControl || !(ctx.clock instanceof OffsetClock)) {
            throw notFound("The clock can be moved only on a demo server started with VIGIL_CLOCK_CONTROL=1.");
          }
        },
      },
      async (request) => {
        const clock = ctx.clock as OffsetClock;
        clock.advance(request.body.minutes * 60_000);
        await ctx.db.tx(
          (tx) =>
            appendAudit(
              tx,
              clock.now(),
              { userId: null, label: "demo clock", partyId: null, ip: request.ip, userAgent: null },
              { action: "demo.clock_advanced", details: { minutes: request.body.minutes } },
            ),
          SYSTEM_ACTOR,
        );
        const deadlines = await sweepDeadlines(ctx);
        // Ping tests due by now fire, and their reminders go, as the minute sweep would.
        await sweepPings(ctx);
        return { now: clock.now().toISOString(), offsetMinutes: clock.offset / 60_000, deadlines };
      },
    );
  };
}
