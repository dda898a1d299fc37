import type { Logger } from "pino";
import type { Clock } from "./clock";
import type { Config } from "./config";
import type { Database } from "./db/database";
import type { JobQueue } from "./jobs/queue";
import type { Keyring } from "./vault/keyring";

/** What every use case may need: the database, the clock, the configuration, a logger, the job queue. */
export type AppContext = {
  db: Database;
  clock: Clock;
  config: Config;
  log: Logger;
  /** The keys that encrypt attachments at rest. */
  keyring: Keyring;
  /** The job queue, once started (main.ts; tests that need delayed or recurring work). */
  jobs?: JobQueue;
};

/** Where a call came from, for the audit trail. */
export type RequestMeta = { ip: string | null; userAgent: string | null };
