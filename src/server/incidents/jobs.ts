import { z } from "zod";
import type { JobDefinition } from "../jobs/queue";
import { purgeClosedIncidents } from "./retention";

/** Daily at 02:27 UTC, after the requests' purge: closed incidents past their period lose their words. */
export const incidentRetentionJob: JobDefinition<Record<string, never>> = {
  name: "incidents.retention_purge",
  data: z.object({}).strict(),
  cron: "27 2 * * *",
  retry: { limit: 3, delaySeconds: 300 },
  expireInSeconds: 3600,
  async run(ctx) {
    const r = await purgeClosedIncidents(ctx);
    ctx.log.info(r, "incident retention purge done");
  },
};
