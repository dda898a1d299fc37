import { z } from "zod";
import type { JobDefinition } from "../jobs/queue";
import { checkAcknowledgement, checkPreservation, sweepDeadlines } from "./deadlines";
import { purgeExpired } from "./retention";

/** At a request's acknowledgement deadline: remind, then (at the next check) escalate. */
export const acknowledgementCheckJob: JobDefinition<{ requestId: string }> = {
  name: "requests.acknowledgement_check",
  data: z.object({ requestId: z.uuid() }),
  retry: { limit: 5, delaySeconds: 10 },
  async run(ctx, { requestId }) {
    const r = await checkAcknowledgement(ctx, requestId);
    // The next step is a job of its own, stored like the first: it survives a restart.
    if (r.nextCheckAt && ctx.jobs) {
      await ctx.jobs.send(acknowledgementCheckJob, { requestId }, { startAfter: r.nextCheckAt });
    }
  },
};

/** At a preservation's warning date. */
export const preservationCheckJob: JobDefinition<{ requestId: string }> = {
  name: "requests.preservation_check",
  data: z.object({ requestId: z.uuid() }),
  retry: { limit: 5, delaySeconds: 60 },
  async run(ctx, { requestId }) {
    await checkPreservation(ctx, requestId);
  },
};

/** Every five minutes: anything due that a delayed job did not handle (the safety net). */
export const deadlineSweepJob: JobDefinition<Record<string, never>> = {
  name: "requests.deadline_sweep",
  data: z.object({}).strict(),
  cron: "*/5 * * * *",
  retry: { limit: 2, delaySeconds: 30 },
  async run(ctx) {
    const r = await sweepDeadlines(ctx);
    if (r.reminded || r.escalated || r.warned) ctx.log.info(r, "request deadlines handled by the sweep");
  },
};

/**
 * Daily at 02:17 UTC (a quiet hour for most of the Network): requests past their retention period
 * lose their content (retention.ts). Idempotent: a second run the same day finds nothing.
 */
export const retentionPurgeJob: JobDefinition<Record<string, never>> = {
  name: "requests.retention_purge",
  data: z.object({}).strict(),
  cron: "17 2 * * *",
  retry: { limit: 3, delaySeconds: 300 },
  expireInSeconds: 3600,
  async run(ctx) {
    const r = await purgeExpired(ctx);
    ctx.log.info(
      {
        purged: r.purged,
        draftsDeleted: r.draftsDeleted,
        exercisesDeleted: r.exercisesDeleted,
        messages: r.messages,
        attachments: r.attachments,
      },
      "retention purge done",
    );
  },
};
