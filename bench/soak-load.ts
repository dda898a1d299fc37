/**
 * The soak run's load, in a process of its own (bench/soak.ts starts it): signed-in officers
 * search the directory, list their inbox and notifications, open requests, create and send
 * requests and add messages, each officer also holding an event stream open, for `seconds`.
 * Reads its plan (JSON file, first argument); prints one JSON line with counts per action.
 */
import fs from "node:fs";
import { type ApiAnswer, ApiClient, legalQuestion } from "../test/harness/api-client";

type Plan = {
  base: string;
  seconds: number;
  workers: number;
  sessions: { email: string; to: string; cookie: string; csrf: string }[];
};

type Tally = { ok: number; failed: number; statuses: Record<string, number>; ms: number[] };

const plan = JSON.parse(fs.readFileSync(process.argv[2] as string, "utf8")) as Plan;
const tallies = new Map<string, Tally>();
const note = (action: string, status: number, ms: number) => {
  const t = tallies.get(action) ?? { ok: 0, failed: 0, statuses: {}, ms: [] };
  if (status >= 200 && status < 300) t.ok++;
  else t.failed++;
  t.statuses[status] = (t.statuses[status] ?? 0) + 1;
  t.ms.push(ms);
  tallies.set(action, t);
};

const WORDS = ["romania", "cote divoire", "police", "cyber", "malta", "chile", "national", "unit", "zzzz", "ministry"];
const until = Date.now() + plan.seconds * 1000;

async function timed(action: string, fn: () => Promise<ApiAnswer>): Promise<ApiAnswer> {
  const t0 = performance.now();
  const r = await fn();
  note(action, r.status, performance.now() - t0);
  return r;
}

async function worker(n: number): Promise<void> {
  const s = plan.sessions[n % plan.sessions.length] as Plan["sessions"][number];
  const c = new ApiClient(plan.base);
  c.cookie = s.cookie;
  c.csrf = s.csrf;
  const mine: string[] = [];
  let i = 0;
  while (Date.now() < until) {
    i++;
    const roll = (i * 7 + n) % 20;
    if (roll < 8)
      await timed("search", () =>
        c.get(`/api/directory/search?q=${encodeURIComponent(WORDS[i % WORDS.length] as string)}`),
      );
    else if (roll < 11) await timed("inbox", () => c.get("/api/requests?box=inbox"));
    else if (roll < 12) await timed("notifications", () => c.get("/api/notifications"));
    else if (roll < 14 && mine.length) await timed("detail", () => c.get(`/api/requests/${mine[i % mine.length]}`));
    else if (roll < 17 || !mine.length) {
      const form = legalQuestion(s.to, `soak-${process.pid}-${n}-${i}`);
      const draft = await timed("create", () =>
        c.post("/api/requests", { type: form.type, requestedParty: s.to, content: {} }),
      );
      if (draft.status !== 201) continue;
      const sent = await timed("send", () => c.post(`/api/requests/${draft.data.id}/send`, form));
      // The set of requests a worker reopens stays small: the load is steady, not ever-widening.
      if (sent.status === 200) mine.splice(0, mine.length >= 50 ? 1 : 0, draft.data.id as string);
    } else {
      const id = mine[i % mine.length] as string;
      await timed("message", () => c.post(`/api/requests/${id}/messages`, { body: `Soak message ${i}` }));
    }
  }
}

/** One event stream per session, held for the whole run (and reopened if the server ends it). */
async function stream(s: Plan["sessions"][number]): Promise<void> {
  while (Date.now() < until) {
    try {
      const res = await fetch(`${plan.base}/api/events`, {
        headers: { cookie: `vigil_session=${s.cookie}` },
        signal: AbortSignal.timeout(Math.max(1, until - Date.now())),
      });
      note("events", res.status, 0);
      for await (const _ of res.body ?? []) {
        // Reading keeps the stream flowing; the content does not matter here.
      }
    } catch {
      if (Date.now() < until) note("events", 0, 0);
    }
  }
}

const pct = (xs: number[], p: number) => {
  const a = [...xs].sort((x, y) => x - y);
  return a.length ? Math.round((a[Math.min(a.length - 1, Math.floor((p / 100) * a.length))] as number) * 10) / 10 : 0;
};

await Promise.all([
  ...plan.sessions.map((s) => stream(s)),
  ...Array.from({ length: plan.workers }, (_, n) => worker(n)),
]);
const actions = Object.fromEntries(
  [...tallies].map(([a, t]) => [
    a,
    { ok: t.ok, failed: t.failed, statuses: t.statuses, p50: pct(t.ms, 50), p99: pct(t.ms, 99) },
  ]),
);
process.stdout.write(`${JSON.stringify({ actions })}\n`);
