import { sql } from "drizzle-orm";
import { type DrizzleTransactionLike, fromDrizzle, fromPglite, type Job, PgBoss } from "pg-boss";
import type { z } from "zod";
import type { AppContext } from "../context";
import { APP_ROLE, type Database, type Tx } from "../db/database";

/**
 * Scheduled and background work, stored in PostgreSQL by pg-boss: delayed jobs, recurring jobs
 * (cron, UTC) and retries with back-off. Nothing is held only in memory: a job sent before a
 * restart runs after it, and several instances on one database share the queue (a job is fetched
 * by exactly one worker, under FOR UPDATE SKIP LOCKED; a recurring job is enqueued once per slot).
 *
 * Each domain module declares its jobs (e.g. directory/jobs.ts); jobs/catalogue.ts lists them all.
 * The outbox (notify/outbox.ts) is a purpose-built queue of its own: see docs/architecture.md.
 */

export type JobDefinition<T = unknown> = {
  /** "<module>.<what>", e.g. "directory.freshness". */
  name: string;
  /** The payload's schema: a job is parsed before it runs, as any other outside input. */
  data: z.ZodType<T>;
  /** Recurring: a cron expression, evaluated in UTC. */
  cron?: string;
  /** Retries after a failure: `delaySeconds · 2^n` with jitter, up to `limit` times. */
  retry?: { limit: number; delaySeconds: number };
  /** A run taking longer than this counts as failed (and is retried). */
  expireInSeconds?: number;
  // A method, so that a JobDefinition<T> fits a list of JobDefinition<unknown>.
  run(ctx: AppContext, data: T, job: { id: string; retryCount: number }): Promise<void>;
};

export type EnqueueOptions = {
  /** Not before this moment (a delayed job). */
  startAfter?: Date;
  /** At most one queued job with this key (e.g. one reminder per request and deadline). */
  singletonKey?: string;
};

const DEFAULT_RETRY = { limit: 5, delaySeconds: 30 };

export class JobQueue {
  private readonly byName: Map<string, JobDefinition<unknown>>;

  private constructor(
    private readonly boss: PgBoss,
    definitions: JobDefinition<unknown>[],
  ) {
    this.byName = new Map(definitions.map((d) => [d.name, d]));
  }

  /**
   * Installs or upgrades pg-boss's tables, creates the queues and their schedules, lets the
   * application role enqueue inside its own transactions, and (unless `workers` is false) starts a
   * worker per queue.
   */
  static async start(
    ctx: AppContext,
    defs: JobDefinition<unknown>[],
    opts: { workers?: boolean; pollingIntervalSeconds?: number } = {},
  ): Promise<JobQueue> {
    const boss = new PgBoss(bossOptions(ctx.db));
    boss.on("error", (err) => ctx.log.error({ err }, "job queue error"));
    boss.on("warning", (w) => ctx.log.warn({ warning: w }, "job queue warning"));
    await boss.start();
    for (const def of defs) {
      const retry = def.retry ?? DEFAULT_RETRY;
      const queue = {
        retryLimit: retry.limit,
        retryDelay: retry.delaySeconds,
        retryBackoff: true,
        expireInSeconds: def.expireInSeconds ?? 15 * 60,
        // Finished jobs stay a week for the operators to see, then pg-boss deletes them.
        deleteAfterSeconds: 7 * 86_400,
      };
      if (await boss.getQueue(def.name)) await boss.updateQueue(def.name, queue);
      else await boss.createQueue(def.name, queue);
    }
    await grantToAppRole(boss);
    const queue = new JobQueue(boss, defs);
    for (const def of defs) {
      // schedule() upserts: every instance may call it at start; the slot runs once.
      // A slot missed while every instance was down runs once when one comes back.
      if (def.cron) await boss.schedule(def.name, def.cron, null, { tz: "UTC", missed: "once" });
    }
    if (opts.workers !== false) {
      for (const def of defs) {
        await boss.work(
          def.name,
          { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2, batchSize: 1 },
          async (jobs: Job<unknown>[]) => {
            for (const job of jobs) await queue.runOne(ctx, def, job);
          },
        );
      }
    }
    return queue;
  }

  private async runOne(ctx: AppContext, def: JobDefinition<unknown>, job: Job<unknown>): Promise<void> {
    const parsed = def.data.safeParse(job.data ?? {});
    if (!parsed.success) {
      // A malformed payload will not improve with retries: it is logged and dropped loudly.
      ctx.log.error({ job: def.name, id: job.id, issues: parsed.error.issues }, "job payload refused");
      return;
    }
    const started = Date.now();
    try {
      await def.run(ctx, parsed.data, { id: job.id, retryCount: job.retryCount });
      ctx.log.debug({ job: def.name, id: job.id, ms: Date.now() - started }, "job done");
    } catch (err) {
      ctx.log.error({ err, job: def.name, id: job.id }, "job failed; it will be retried with back-off");
      throw err;
    }
  }

  /**
   * Sends a job inside the caller's transaction: it exists exactly when the change that asked for
   * it commits (a rolled-back request leaves no reminder behind).
   */
  async enqueue<T>(tx: Tx, def: JobDefinition<T>, data: T, opts: EnqueueOptions = {}): Promise<string | null> {
    if (!this.byName.has(def.name)) throw new Error(`job ${def.name} is not in the catalogue`);
    const payload = def.data.parse(data) as object;
    return this.boss.send(def.name, payload, {
      // Both drivers answer execute() with `{ rows }`, which is what the adapter reads.
      db: fromDrizzle(tx as unknown as DrizzleTransactionLike, sql),
      ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
      ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
    });
  }

  /** Sends a job outside any transaction (at start-up, from the command line). */
  async send<T>(def: JobDefinition<T>, data: T, opts: EnqueueOptions & { singletonSeconds?: number } = {}) {
    const payload = def.data.parse(data) as object;
    return this.boss.send(def.name, payload, {
      ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
      ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
      ...(opts.singletonSeconds ? { singletonSeconds: opts.singletonSeconds } : {}),
    });
  }

  /** Jobs of a queue, newest first (operations page, tests). */
  async jobs(
    name: string,
  ): Promise<{ id: string; state: string; retryCount: number; data: unknown; startAfter: Date }[]> {
    const found = await this.boss.findJobs(name);
    return found.map((j) => ({
      id: j.id,
      state: j.state,
      retryCount: j.retryCount,
      data: j.data,
      startAfter: new Date(j.startAfter),
    }));
  }

  async schedules(): Promise<{ name: string; cron: string }[]> {
    return (await this.boss.getSchedules()).map((s) => ({ name: s.name, cron: s.cron }));
  }

  /** False once stop() was called: /ready then turns the balancer away from this instance. */
  get running(): boolean {
    return !this.stopped;
  }

  /**
   * Per queue, the jobs that could run now and how long the oldest of them has waited (/metrics):
   * a lag that grows means the workers do not keep up, or none is running.
   */
  async lag(): Promise<{ name: string; waiting: number; oldestSeconds: number }[]> {
    const result = await this.boss.getDb().executeSql(
      `select name, count(*)::int as waiting,
              extract(epoch from (now() - min(start_after)))::float8 as "oldestSeconds"
         from pgboss.job where state in ('created', 'retry') and start_after <= now() group by name`,
    );
    return result.rows as { name: string; waiting: number; oldestSeconds: number }[];
  }

  private stopped = false;

  /** Stops fetching, lets running jobs finish (up to `timeoutMs`), then closes connections. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopped = true;
    await this.boss.stop({ graceful: true, timeout: timeoutMs });
  }
}

function bossOptions(db: Database): ConstructorParameters<typeof PgBoss>[0] & object {
  const store = db.jobStore;
  return store.kind === "pglite"
    ? // One embedded connection, shared with the application: PGlite serialises statements and
      // transactions, so a pg-boss statement never lands inside an application transaction.
      { db: fromPglite(store.client), backend: "pglite" }
    : { connectionString: store.url, max: 3, application_name: "vigil-jobs" };
}

/**
 * Application transactions run as the `vigil_app` role; to enqueue inside them (fromDrizzle), that
 * role needs to write pg-boss's tables. Granted after each start, since queues add tables.
 */
async function grantToAppRole(boss: PgBoss): Promise<void> {
  await boss.getDb().executeSql(
    `GRANT USAGE ON SCHEMA pgboss TO ${APP_ROLE};
     GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA pgboss TO ${APP_ROLE};
     GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA pgboss TO ${APP_ROLE};
     GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgboss TO ${APP_ROLE};`,
  );
}
