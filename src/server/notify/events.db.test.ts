import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { secondHandle, testDatabase } from "../../../test/harness/db";
import { signedIn } from "../../../test/harness/http";
import { buildApp } from "../app";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";
import { SESSION_COOKIE } from "../http/guard";

let ctxA: AppContext;
let ctxB: AppContext;
let appA: FastifyInstance;
let appB: FastifyInstance;

beforeAll(async () => {
  ctxA = testContext(await testDatabase());
  await loadDemoNetwork(ctxA);
  // A second server instance on the same database (its own connections on PostgreSQL).
  ctxB = testContext(await secondHandle(ctxA.db), ctxA.clock);
  appA = await buildApp(ctxA);
  appB = await buildApp(ctxB);
  await appB.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(async () => {
  await appA.close();
  await appB.close();
  await ctxB.db.close();
  await ctxA.db.close();
});

/** Opens the event stream and resolves with the first event of the given type. */
async function firstEvent(
  cookie: string,
  type: string,
  signal: AbortSignal,
): Promise<{ opened: Promise<void>; event: Promise<unknown> }> {
  const port = (appB.server.address() as AddressInfo).port;
  const res = await fetch(`http://127.0.0.1:${port}/api/events`, {
    headers: { cookie: `${SESSION_COOKIE}=${cookie}` },
    signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let markOpen: () => void = () => {};
  const opened = new Promise<void>((r) => {
    markOpen = r;
  });
  const event = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended");
      buffer += decoder.decode(value, { stream: true });
      if (buffer.includes(": connected")) markOpen();
      for (const block of buffer.split("\n\n").slice(0, -1)) {
        const name = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (name === type && data) return JSON.parse(data);
      }
    }
  })();
  return { opened, event };
}

describe("real-time events", () => {
  it("reach a page connected to another instance when a change commits", async () => {
    const { c: secretariat } = await signedIn(appA, ctxA, "desk@example.org", "secretariat", null);
    const { c: officer } = await signedIn(appB, ctxB, "officer.fi@example.org", "officer", "FI");
    const abort = new AbortController();
    const stream = await firstEvent(officer.cookie as string, "notification", abort.signal);
    await stream.opened;
    expect((await secretariat.post("/api/directory/releases", { version: "2024-12", notes: "" })).statusCode).toBe(201);
    const event = await stream.event;
    expect(event).toMatchObject({ type: "notification", kind: "directory.release_published" });
    // The event says that something happened; the page fetches what, with its own rights.
    expect(JSON.stringify(event)).not.toContain("2024-12");
    abort.abort();
  });

  it("is refused without a session", async () => {
    const port = (appB.server.address() as AddressInfo).port;
    expect((await fetch(`http://127.0.0.1:${port}/api/events`)).status).toBe(401);
  });
});
