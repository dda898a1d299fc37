#!/bin/sh
# Makes a fresh checkout runnable: installs dependencies when missing or out of date, and
# builds the web client and the server when missing or older than their sources. Idempotent and quick.
set -e
cd "$(dirname "$0")/.."

stamp=node_modules/.vigil-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  echo "vigil: installing dependencies (npm ci)…" >&2
  npm ci --no-audit --no-fund >&2
  touch "$stamp"
fi

# From here on npm scripts run on the Node 22 that the `node` dev dependency provides.
if [ ! -f dist/web/index.html ] || [ -n "$(find src/web src/shared -newer dist/web/index.html -type f 2>/dev/null | head -n 1)" ]; then
  echo "vigil: building the web client…" >&2
  node_modules/.bin/vite build --config src/web/vite.config.ts --logLevel warn >&2
fi

# The server and the CLI, compiled by esbuild into dist/server (docs/decisions/0002-compiled-start.md).
if [ ! -f dist/server/main.js ] || [ ! -f dist/server/cli.js ] || [ -n "$(find src/server src/shared src/cli -newer dist/server/main.js -type f 2>/dev/null | head -n 1)" ]; then
  echo "vigil: building the server…" >&2
  node scripts/build-server.mjs >&2
fi
