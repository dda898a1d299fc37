/**
 * `npm test`: the whole suite. Installs the system packages it needs (as root), type-checks,
 * lints, starts its own PostgreSQL server, runs every Vitest project (unit, data layer on PGlite
 * and on PostgreSQL, browser journeys in Chromium), stops what it started, and closes with
 * the line "N passed, N failed".
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { CHROMIUM_PATH } from "./harness/browser";
import { findPostgresBin, type RunningPostgres, startPostgres } from "./harness/postgres";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, ".vigil-test");
fs.mkdirSync(outDir, { recursive: true });

function ensureSystemPackages(): void {
  const missing: string[] = [];
  if (!findPostgresBin()) missing.push("postgresql");
  if (!fs.existsSync(CHROMIUM_PATH)) missing.push("chromium");
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    console.error(
      `Missing Debian package(s): ${missing.join(", ")}. Install them with: sudo apt-get install ${missing.join(" ")}`,
    );
    process.exit(1);
  }
  console.log(`Installing ${missing.join(", ")} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", ...missing], { stdio: "inherit", env });
}

type Step = { name: string; ok: boolean };
const steps: Step[] = [];

function check(name: string, cmd: string, args: string[]): void {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(path.join(root, "node_modules/.bin", cmd), args, { cwd: root, stdio: "inherit" });
  steps.push({ name, ok: r.status === 0 });
}

let pg: RunningPostgres | undefined;
async function cleanup(): Promise<void> {
  await pg?.stop();
  pg = undefined;
}
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    void cleanup().then(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  ensureSystemPackages();
  check("typecheck (tsc)", "tsc", ["--noEmit", "-p", "tsconfig.json"]);
  check("lint and format (biome)", "biome", ["ci", "."]);

  console.log("\n▶ starting a PostgreSQL server for the tests");
  pg = await startPostgres();
  console.log(`  PostgreSQL on 127.0.0.1:${pg.port}`);
  const results = path.join(outDir, "vitest.json");
  fs.rmSync(results, { force: true });
  const extra = process.argv.slice(2);
  const code = await new Promise<number>((resolve) => {
    const child = spawn(
      path.join(root, "node_modules/.bin/vitest"),
      ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${results}`, ...extra],
      {
        cwd: root,
        stdio: "inherit",
        // node_modules/.bin first, as npm scripts do: the tests run on the project's Node 22 even
        // when this runner was started by an older system Node.
        env: {
          ...process.env,
          PATH: `${path.join(root, "node_modules/.bin")}${path.delimiter}${process.env.PATH ?? ""}`,
          VIGIL_TEST_PG_URL: pg?.url(),
        },
      },
    );
    child.on("exit", (c) => resolve(c ?? 1));
  });
  await cleanup();

  let passed = steps.filter((s) => s.ok).length;
  let failed = steps.length - passed;
  if (fs.existsSync(results)) {
    const json = JSON.parse(fs.readFileSync(results, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numFailedTestSuites: number;
    };
    passed += json.numPassedTests;
    // A file that fails before its tests run (an import error, a failing hook) counts as a failure.
    failed += json.numFailedTests + (json.numFailedTests === 0 ? json.numFailedTestSuites : 0);
  } else {
    failed += 1;
  }
  for (const s of steps.filter((x) => !x.ok)) console.log(`✗ ${s.name} failed`);
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed > 0 || code !== 0 ? 1 : 0;
}

main()
  .then((c) => process.exit(c))
  .catch(async (err) => {
    console.error(err);
    await cleanup();
    console.log("\n0 passed, 1 failed");
    process.exit(1);
  });
