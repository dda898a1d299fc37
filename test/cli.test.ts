import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "./harness/postgres";

// The real commands, as `npm run vigil -- …` and `npm start` run them, on a temporary data folder.
const root = path.resolve(import.meta.dirname, "..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-cli-"));
const env = { ...process.env, VIGIL_DATA: dataDir, LOG_LEVEL: "warn" };
const vigil = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 120_000,
  });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe("vigil CLI and the embedded server", () => {
  it("creates the first Secretariat account and prints a one-time password", () => {
    const r = vigil(
      "user",
      "create",
      "--email",
      "head@example.org",
      "--name",
      "Head of Secretariat",
      "--role",
      "secretariat",
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Created secretariat account head@example.org/);
    expect(r.stdout).toMatch(/Password \(shown once\): \S{20,}/);
  });

  it("refuses bad arguments with a message naming them", () => {
    const dup = vigil("user", "create", "--email", "head@example.org", "--name", "Again", "--role", "secretariat");
    expect(dup.status).toBe(65);
    expect(dup.stderr).toMatch(/exists/);
    const bad = vigil("user", "create", "--email", "nope", "--name", "X", "--role", "king");
    expect(bad.status).toBe(64);
    expect(bad.stderr).toMatch(/--email/);
    expect(bad.stderr).toMatch(/--role/);
    const party = vigil(
      "user",
      "create",
      "--email",
      "o@example.org",
      "--name",
      "O",
      "--role",
      "officer",
      "--party",
      "QQ",
    );
    expect(party.status).toBe(65);
    expect(party.stderr).toMatch(/Unknown Party "QQ"/);
  });

  it("verifies the audit chain", () => {
    const r = vigil("audit", "verify");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Audit chain intact: \d+ rows verified/);
  });

  it("re-seals encrypted items under the newest key and runs the retention purge, both recorded", () => {
    const reseal = vigil("vault", "reseal");
    expect(reseal.stderr).toBe("");
    expect(reseal.status).toBe(0);
    // The key file made in the data folder at first use is the ring's only key.
    expect(reseal.stdout).toMatch(/^Sealed with key "k\d{8}": 0 message\(s\) and 0 attachment\(s\) re-encrypted/);
    const purge = vigil("retention", "purge");
    expect(purge.stderr).toBe("");
    expect(purge.status).toBe(0);
    expect(purge.stdout).toMatch(/^Purged 0 request\(s\): 0 message\(s\), 0 attachment\(s\) removed/);
    expect(purge.stdout).toMatch(/Removed the text of 0 closed security incident\(s\)/);
    // Both wrote their audit entry and the chain still holds.
    expect(vigil("audit", "verify").stdout).toMatch(/Audit chain intact: [3-9]\d* rows verified/);
  });

  describe("with the server running on the same folder", () => {
    let server: ChildProcess;
    let output = "";
    let port = 0;
    beforeAll(async () => {
      port = await freePort();
      server = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
        cwd: root,
        env: { ...env, PORT: String(port) },
        stdio: ["ignore", "pipe", "pipe"],
      });
      server.stdout?.on("data", (d) => {
        output += String(d);
      });
      server.stderr?.on("data", (d) => {
        output += String(d);
      });
      const deadline = Date.now() + 90_000;
      while (!output.includes("Vigil is running") && Date.now() < deadline && server.exitCode === null) {
        await new Promise((r) => setTimeout(r, 200));
      }
    }, 120_000);
    afterAll(async () => {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    });

    it("prints the URL and the demo accounts, and serves the app", async () => {
      expect(output).toContain(`http://localhost:${port}`);
      expect(output).toMatch(/officer\.cl@example\.org\s+officer\s+TOTP secret [A-Z2-7]{32}/);
      const page = await fetch(`http://127.0.0.1:${port}/directory`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    });

    it("keeps a second process out of the data folder with a clear error", () => {
      const r = vigil("audit", "verify");
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`in use by process ${server.pid}`);
    });
  });
});
