import pino from "pino";
import { describe, expect, it } from "vitest";
import { gracefulShutdown, type ShutdownStep } from "./shutdown";

const log = pino({ level: "silent" });

function harness(steps: ShutdownStep[], timeoutMs = 5_000) {
  const exits: number[] = [];
  const stop = gracefulShutdown({ steps, timeoutMs, log, exit: (code) => exits.push(code) });
  return { stop, exits };
}

describe("graceful shutdown", () => {
  it("runs every step once, in order, each after the one before, and exits 0", async () => {
    const order: string[] = [];
    const step = (name: string): ShutdownStep => ({
      name,
      run: async () => {
        order.push(`${name}:start`);
        await new Promise((r) => setTimeout(r, 5));
        order.push(`${name}:end`);
      },
    });
    const { stop, exits } = harness([step("http"), step("outbox"), step("database")]);
    await stop("SIGTERM");
    expect(order).toEqual(["http:start", "http:end", "outbox:start", "outbox:end", "database:start", "database:end"]);
    expect(exits).toEqual([0]);
  });

  it("still closes the database when a step before it fails, and exits 1", async () => {
    const ran: string[] = [];
    const { stop, exits } = harness([
      {
        name: "jobs",
        run: async () => {
          throw new Error("pg-boss did not stop");
        },
      },
      { name: "database", run: async () => void ran.push("database") },
    ]);
    await stop("SIGTERM");
    expect(ran).toEqual(["database"]);
    expect(exits).toEqual([1]);
  });

  it("exits 1 at once on a second signal, and never runs the remaining steps after it", async () => {
    let release: () => void = () => {};
    const ran: string[] = [];
    const { stop, exits } = harness([
      { name: "http", run: () => new Promise<void>((r) => (release = r)) },
      { name: "database", run: async () => void ran.push("database") },
    ]);
    const first = stop("SIGTERM");
    await new Promise((r) => setTimeout(r, 5));
    void stop("SIGINT");
    expect(exits).toEqual([1]);
    release();
    await first;
    expect(ran).toEqual([]);
    expect(exits).toEqual([1]);
  });

  it("exits 1 when a step never ends within the bound", async () => {
    const { stop, exits } = harness([{ name: "http", run: () => new Promise<void>(() => {}) }], 30);
    void stop("SIGTERM");
    await new Promise((r) => setTimeout(r, 100));
    expect(exits).toEqual([1]);
  });
});
