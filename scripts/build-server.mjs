// Compiles the server and the CLI with esbuild into dist/server/ (main.js, cli.js, with source
// maps that point at the sources): one file each, node_modules left as imports. `npm start` runs the result, so a start does
// not transpile hundreds of TypeScript files (docs/decisions/0002-compiled-start.md). Tests keep
// running the sources with tsx.
//
//   node scripts/build-server.mjs             build
//   node scripts/build-server.mjs --if-stale  build only when an output is missing or older than a
//                                             file under src/server, src/shared or src/cli
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, "dist", "server");
const entries = { main: "src/server/main.ts", cli: "src/cli/main.ts" };
const sourceDirs = ["src/server", "src/shared", "src/cli"];

// Packages stay imports from node_modules, resolved at run time (native addons, WebAssembly and
// data files found next to their modules), except these, bundled: drizzle-orm's package.json
// carries an exports map of 179 kB that Node reads again for each of its ~70 modules, half a
// second of every start (measured on Node 22).
const BUNDLED = ["drizzle-orm"];
const nodeModulesExternal = {
  name: "node-modules-external",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.startsWith("@") ? args.path.split("/").slice(0, 2).join("/") : args.path.split("/")[0];
      return BUNDLED.includes(name) ? undefined : { path: args.path, external: true };
    });
  },
};

function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  for (const d of sourceDirs) walk(path.join(root, d));
  return newest;
}

function stale() {
  const outputs = Object.keys(entries).map((name) => path.join(outdir, `${name}.js`));
  if (!outputs.every((f) => fs.existsSync(f))) return true;
  const oldest = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  return newestSource() > oldest;
}

if (!process.argv.includes("--if-stale") || stale()) {
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entries)),
    outdir,
    bundle: true,
    platform: "node",
    target: "node22",
    format: "esm",
    plugins: [nodeModulesExternal],
    // `npm run vigil` runs with --enable-source-maps; `npm start` does not by default, as Node then
    // holds the parsed map, ~20 MB (NODE_OPTIONS=--enable-source-maps npm start for mapped traces).
    sourcemap: true,
    sourcesContent: false,
    // The bundle is for the server only: no test file, and nothing of the web client.
    logLevel: "warning",
  });
}
