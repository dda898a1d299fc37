import { defineConfig } from "vitest/config";

// Four projects: pure unit tests; the data-layer tests (*.db.test.ts) once on embedded PGlite
// and once on a real PostgreSQL server; and browser journeys in Chromium. `npm test` runs all.
// Every project runs the server in checking mode: each answer is also parsed by its response
// schema and compared with its projection (app.ts), in process and in spawned servers alike.
export default defineConfig({
  test: {
    env: { TZ: "UTC", VIGIL_CHECK_RESPONSES: "1" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "test/**/*.test.ts"],
          exclude: ["**/*.db.test.ts", "test/browser/**", "node_modules/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "pglite",
          include: ["src/**/*.db.test.ts", "test/**/*.db.test.ts"],
          env: { VIGIL_TEST_DB: "pglite" },
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: ["src/**/*.db.test.ts", "test/**/*.db.test.ts"],
          env: { VIGIL_TEST_DB: "postgres" },
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          // One browser at a time on a 2-core machine; browser tests never retry.
          fileParallelism: false,
          retry: 0,
          // A page under load (CI's 2 cores) may take longer than expect.poll's default second to draw.
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
    ],
  },
});
