/**
 * The load generator, run by bench/run.ts as a process of its own (so its CPU is not the
 * server's event loop): autocannon at N connections on 127.0.0.1, bounded in count (`amount`)
 * and in time (`seconds`, whichever comes first). Reads its plan from the JSON file named as the
 * first argument; prints one JSON line with the figures (counted as bench/lean-autocannon.ts says).
 */
import fs from "node:fs";
import type autocannon from "autocannon";
import { measure } from "./lean-autocannon";

type Plan = {
  url: string;
  connections: number;
  amount: number;
  seconds: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Paths to go through in turn (request detail: a different request each time). */
  paths?: string[];
};

const plan = JSON.parse(fs.readFileSync(process.argv[2] as string, "utf8")) as Plan;
let i = 0;
const paths = plan.paths;
const r = await measure(
  {
    url: plan.url,
    connections: plan.connections,
    amount: plan.amount,
    method: plan.method ?? "GET",
    headers: plan.headers ?? {},
    ...(plan.body ? { body: plan.body } : {}),
    ...(paths?.length
      ? {
          requests: [
            {
              setupRequest: (req: autocannon.Request) => {
                req.path = paths[i++ % paths.length] as string;
                return req;
              },
            },
          ],
        }
      : {}),
  },
  plan.seconds,
);
process.stdout.write(`${JSON.stringify(r)}\n`);
