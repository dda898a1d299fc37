import { z } from "zod";
import { purgeRateLimits } from "../http/rate-limit";
import type { JobDefinition } from "../jobs/queue";
import { deleteExpiredSessions } from "./sessions";

/** The longest rate-limit window (sign-in: 15 minutes) is well within a day. */
const RATE_LIMIT_KEEP_MS = 24 * 3_600_000;

/** Hourly: removes expired sessions and rate-limit windows long over. Idempotent. */
export const housekeepingJob: JobDefinition<Record<string, never>> = {
  name: "auth.housekeeping",
  data: z.object({}).strict(),
  cron: "23 * * * *",
  retry: { limit: 3, delaySeconds: 60 },
  async run(ctx) {
    const at = ctx.clock.now();
    const removed = await ctx.db.tx(async (tx) => ({
      sessions: await deleteExpiredSessions(tx, at),
      rateLimitWindows: await purgeRateLimits(tx, new Date(at.getTime() - RATE_LIMIT_KEEP_MS)),
    }));
    if (removed.sessions || removed.rateLimitWindows) ctx.log.info(removed, "expired sessions and counters removed");
  },
};
