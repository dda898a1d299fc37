import { z } from "zod";
import type { JobDefinition } from "../jobs/queue";
import { runFreshnessChecks } from "./freshness";

/**
 * Hourly: weekly reminders to Parties with stale entries and warnings for expiring keys. The check
 * is idempotent (the last reminder time is stored), so a retry or a second run sends nothing twice.
 */
export const freshnessJob: JobDefinition<Record<string, never>> = {
  name: "directory.freshness",
  data: z.object({}).strict(),
  cron: "7 * * * *",
  retry: { limit: 3, delaySeconds: 60 },
  async run(ctx) {
    const r = await runFreshnessChecks(ctx);
    if (r.reminded || r.keyWarnings) ctx.log.info(r, "directory freshness reminders sent");
  },
};
