/**
 * Two corrections to how autocannon measures, for every load this bench generates.
 *
 * 1. Throughput from the responses' own times. autocannon checks whether a run is over once per
 *    sample interval (a second), so a run that ends on its request count reports its duration
 *    rounded up to the next whole second: 3,000 answers in 0.3 s read as 2,941 req/s, and 3,000 in
 *    2.1 s as 1,000 req/s. `measure` counts from the first request sent to the last answer
 *    received instead.
 * 2. No bodies kept. autocannon appends each answer's body to a string (`body += chunk`), which
 *    decodes it as UTF-8: megabytes of PDF cost the load generator 20 times what its JSON costs,
 *    and on two shared cores that CPU is the server's. The bench never checks bodies, so the
 *    queue that holds them drops them.
 */
import { createRequire } from "node:module";
import autocannon from "autocannon";

const require = createRequire(import.meta.url);
const Queue = require("autocannon/lib/pipelinedRequestsQueue.js") as { prototype: { addBody(data: Buffer): void } };
Queue.prototype.addBody = () => {};

export type Measured = {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

/** Runs autocannon with `options`, stopping after `seconds` if the count is not reached first. */
export function measure(options: autocannon.Options, seconds: number): Promise<Measured> {
  const started = performance.now();
  let last = started;
  let answered = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (err, r) => {
      clearTimeout(timer);
      if (err) return reject(err);
      const elapsed = Math.max((last - started) / 1000, 0.001);
      resolve({
        requests: answered,
        seconds: Math.round(elapsed * 1000) / 1000,
        rps: Math.round((answered / elapsed) * 10) / 10,
        p50: r.latency.p50,
        p99: r.latency.p99,
        max: r.latency.max,
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
      });
    });
    instance.on("response", () => {
      answered++;
      last = performance.now();
    });
    const timer = setTimeout(() => instance.stop(), seconds * 1000);
  });
}
