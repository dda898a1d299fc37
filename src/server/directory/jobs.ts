import { z } from "zod";
import { SYSTEM_ACTOR } from "../db/database";
import type { JobDefinition } from "../jobs/queue";
import { runFreshnessChecks } from "./freshness";
import { renderReleaseFiles } from "./release-files";

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

/**
 * Right after a release is published: renders its PDF, CSV, DOCX and vCard once and stores them
 * (release-files.ts), so that no download waits for a layout. Idempotent: a format already stored
 * is skipped, so a retry or a second instance renders nothing twice.
 */
export const renderReleaseJob: JobDefinition<{ releaseId: string }> = {
  name: "directory.render-release",
  data: z.object({ releaseId: z.string().uuid() }).strict(),
  retry: { limit: 3, delaySeconds: 30 },
  async run(ctx, { releaseId }) {
    const started = Date.now();
    const r = await renderReleaseFiles(ctx, SYSTEM_ACTOR, releaseId);
    ctx.log.info({ releaseId, ...r, ms: Date.now() - started }, "release files rendered and stored");
  },
};
