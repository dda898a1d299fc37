import type { Logger } from "pino";
import type { Clock } from "./clock";
import type { Config } from "./config";
import type { Database } from "./db/database";

/** What every use case may need: the database, the clock, the configuration and a logger. */
export type AppContext = {
  db: Database;
  clock: Clock;
  config: Config;
  log: Logger;
};

/** Where a call came from, for the audit trail. */
export type RequestMeta = { ip: string | null; userAgent: string | null };
