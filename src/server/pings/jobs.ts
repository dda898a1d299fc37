import { z } from "zod";
import type { JobDefinition } from "../jobs/queue";
import { checkCampaign, sweepPings } from "./campaigns";

/** At a campaign's moment (its firing, each reminder, its links' expiry): whatever is due. */
export const pingCheckJob: JobDefinition<{ campaignId: string }> = {
  name: "pings.check",
  data: z.object({ campaignId: z.uuid() }),
  retry: { limit: 5, delaySeconds: 10 },
  async run(ctx, { campaignId }) {
    await checkCampaign(ctx, campaignId);
  },
};

/** Every minute: anything due that a delayed job did not handle (a ping must not wait 5 minutes). */
export const pingSweepJob: JobDefinition<Record<string, never>> = {
  name: "pings.sweep",
  data: z.object({}).strict(),
  cron: "* * * * *",
  retry: { limit: 2, delaySeconds: 20 },
  async run(ctx) {
    const r = await sweepPings(ctx);
    if (r.fired || r.reminded || r.closed) ctx.log.info(r, "ping tests handled by the sweep");
  },
};
