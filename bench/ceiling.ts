/**
 * The ceiling: a bare Fastify route returning a fixed JSON document of a given size, with nothing
 * behind it (no database, no guard), serialised once: a route that stringified megabytes on every
 * answer would be slower than the release exports it is meant to bound, which Vigil serves as
 * ready bytes. bench/run.ts measures it in the same run as each endpoint,
 * with a body of that endpoint's size, and reports each endpoint's throughput as a ratio of it.
 * Reads { name: bytes } from the JSON file named as the first argument; prints "listening <port>".
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import Fastify from "fastify";

const sizes = JSON.parse(fs.readFileSync(process.argv[2] as string, "utf8")) as Record<string, number>;
const app = Fastify({ logger: false });
for (const [name, bytes] of Object.entries(sizes)) {
  // {"data":"xxx…"}: 11 bytes of frame around the filler.
  const doc = Buffer.from(JSON.stringify({ data: "x".repeat(Math.max(0, bytes - 11)) }));
  app.get(`/ceiling/${name}`, async (_request, reply) => reply.type("application/json").send(doc));
}
await app.listen({ port: 0, host: "127.0.0.1" });
process.stdout.write(`listening ${(app.server.address() as AddressInfo).port}\n`);
