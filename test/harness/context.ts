import pino from "pino";
import { type Clock, ManualClock } from "../../src/server/clock";
import { loadConfig } from "../../src/server/config";
import type { AppContext } from "../../src/server/context";
import type { Database } from "../../src/server/db/database";
import { newKeySpec, parseKeyring } from "../../src/server/vault/keyring";

/** An application context on a test database, with a clock the test moves by hand. */
export function testContext(db: Database, clock: Clock = new ManualClock(new Date())): AppContext {
  return {
    db,
    clock,
    // Checking mode (vitest.config.ts sets it): every answer also parsed and compared with its projection.
    config: loadConfig({
      VIGIL_DATA: "/nonexistent",
      PORT: "0",
      VIGIL_CHECK_RESPONSES: process.env.VIGIL_CHECK_RESPONSES ?? "1",
    }),
    log: pino({ level: process.env.VIGIL_TEST_LOG ?? "silent" }),
    keyring: parseKeyring(newKeySpec("test")),
  };
}
