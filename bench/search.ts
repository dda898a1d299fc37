/**
 * Search latency with 10,000 contact points (issue 3). Run: `npm run bench:search`
 * (embedded PGlite), or with DATABASE_URL set for a PostgreSQL server.
 * Prints p50/p95/p99 per query kind and writes bench/results/search-<db>-<date>.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import pino from "pino";
import { systemClock } from "../src/server/clock";
import { loadConfig } from "../src/server/config";
import { openDatabase, queryRows, SYSTEM_ACTOR } from "../src/server/db/database";
import { loadDemoNetwork } from "../src/server/demo/seed";
import { searchEntries } from "../src/server/directory/browse";
import { findPartyByIso2, insertContactPoint, insertParty } from "../src/server/directory/entries";
import { newKeySpec, parseKeyring } from "../src/server/vault/keyring";
import { ContactPointFields } from "../src/shared/directory";

const TARGET = Number(process.env.BENCH_CONTACT_POINTS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

// A small deterministic generator, so two runs search the same data.
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const SYLLABLES = ["ka", "lo", "ri", "men", "sta", "vo", "del", "qu", "ar", "nia", "bel", "tor", "esh", "ul", "an"];
const INSTITUTIONS = [
  "National Police",
  "Prosecutor General's Office",
  "Ministry of Justice",
  "State Security Service",
  "National Cyber Security Centre",
  "Criminal Police Directorate",
  "Gendarmerie nationale",
  "Fiscalía General",
];
const UNITS = [
  "Cybercrime Unit",
  "High-Tech Crime Division",
  "Digital Forensics Section",
  "International Cooperation Desk",
  "Brigade numérique",
  "Unidad de Ciberdelincuencia",
];
const TYPES = [
  "police",
  "police",
  "police",
  "prosecution",
  "ministry_of_justice",
  "security_service",
  "cybersecurity",
] as const;
const LANGS = ["en", "fr", "es", "de", "ro", "pt", "ar", "ru", "it", "nl"];
const ZONES = [
  "Europe/Paris",
  "Europe/Bucharest",
  "America/Santiago",
  "Africa/Porto-Novo",
  "Asia/Tokyo",
  "Pacific/Auckland",
  "America/New_York",
];

async function main() {
  const config = loadConfig();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-bench-"));
  const db = config.databaseUrl
    ? await openDatabase({ kind: "postgres", url: config.databaseUrl })
    : await openDatabase({ kind: "pglite", dataDir });
  const ctx = {
    db,
    clock: systemClock,
    config,
    log: pino({ level: "silent" }),
    keyring: parseKeyring(newKeySpec("bench")),
  };
  const t0 = Date.now();
  await loadDemoNetwork(ctx);
  const at = new Date();
  await db.tx(async (tx) => {
    let n = 90;
    const codes: string[] = [];
    for (let a = 65; a <= 90; a++) for (let b = 65; b <= 90; b++) codes.push(String.fromCharCode(a, b));
    for (const code of codes) {
      if (n >= TARGET) break;
      let party = await findPartyByIso2(tx, code);
      if (!party) {
        const name = `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}`;
        const nameEn = name.charAt(0).toUpperCase() + name.slice(1);
        party = await insertParty(
          tx,
          {
            iso2: code,
            nameEn,
            nameFr: `${nameEn}e`,
            altNames: [],
            status: "party",
            conventionRatifiedOn: null,
            sapRatifiedOn: null,
          },
          at,
        );
      }
      for (let i = 0; i < 15 && n < TARGET; i++, n++) {
        const fields = ContactPointFields.parse({
          isPrimary: false,
          type: pick(TYPES),
          institution: pick(INSTITUTIONS),
          unit: `${pick(UNITS)} ${i}`,
          address: `${Math.floor(rand() * 200)} Sample Street, ${party.nameEn}`,
          phones: [{ number: `+99${Math.floor(1e8 + rand() * 9e8)}`, available247: true, note: "Duty desk" }],
          emails: [{ address: `cp${n}@example.org` }],
          available247: true,
          timeZone: pick(ZONES),
          languages: [...new Set(["en", pick(LANGS)])],
          instructions: "Send the T-CY preservation template by e-mail, then call the duty desk.",
          functions: ["preservation", "technical_advice"],
          networks: ["budapest_art35"],
        });
        await insertContactPoint(tx, party, fields, at);
      }
    }
  }, SYSTEM_ACTOR);
  const loadMs = Date.now() - t0;
  console.log(`loaded in ${loadMs} ms`);

  const queries: Record<string, Parameters<typeof searchEntries>[1]> = {
    "accents folded (cote divoire)": { q: "cote divoire", limit: 100 },
    "alternative name (Ivory Coast)": { q: "Ivory Coast", limit: 100 },
    "typo (Romnia)": { q: "Romnia", limit: 100 },
    "two words (prosecution romania)": { q: "prosecution romania", limit: 100 },
    "common word (police)": { q: "police", limit: 100 },
    "phone prefix (+9921)": { q: "+9921", limit: 100 },
    "filters only (type + language)": { type: "prosecution", language: "fr", limit: 100 },
  };
  const results: Record<string, { p50: number; p95: number; p99: number; hits: number }> = {};
  for (const [name, query] of Object.entries(queries)) {
    const times: number[] = [];
    let hits = 0;
    for (let i = 0; i < RUNS + 5; i++) {
      const s = process.hrtime.bigint();
      const r = await db.tx((tx) => searchEntries(tx, query, new Date(), false));
      const ms = Number(process.hrtime.bigint() - s) / 1e6;
      if (i >= 5) times.push(ms); // the first runs warm caches
      hits = r.length;
    }
    times.sort((a, b) => a - b);
    const q = (p: number) =>
      Math.round((times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0) * 100) / 100;
    results[name] = { p50: q(0.5), p95: q(0.95), p99: q(0.99), hits };
  }
  const [{ n } = { n: 0 }] = await db.tx((tx) =>
    queryRows<{ n: number }>(tx, sql`select count(*)::int as n from contact_points`),
  );
  const report = {
    date: new Date().toISOString(),
    database: db.kind,
    contactPoints: n,
    runs: RUNS,
    loadMs,
    node: process.version,
    cpus: os.cpus().length,
    results,
  };
  console.log(`Search over ${n} contact points on ${db.kind} (${RUNS} runs each, ms):`);
  console.table(results);
  const out = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    "results",
    `search-${db.kind}-${report.date.slice(0, 10)}.json`,
  );
  fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`written to ${path.relative(process.cwd(), out)}`);
  await db.close();
  if (process.env.BENCH_KEEP) console.log(`data kept in ${dataDir}`);
  else fs.rmSync(dataDir, { recursive: true, force: true });
}

await main();
