import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataFolderLockedError, lockDataFolder } from "./folder-lock";

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-lock-"));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("data folder lock", () => {
  it("refuses a second process and names the one that holds the folder", async () => {
    const dir = tmp();
    // Another process holds the lock file, as a running Vigil would.
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"], { stdio: "ignore" });
    try {
      fs.writeFileSync(path.join(dir, "vigil.lock"), `${holder.pid}\n`);
      let error: unknown;
      try {
        lockDataFolder(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataFolderLockedError);
      expect((error as Error).message).toContain(`process ${holder.pid}`);
      expect((error as Error).message).toContain("setTimeout");
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("refuses a second lock in the same process", () => {
    const dir = tmp();
    const lock = lockDataFolder(dir);
    expect(() => lockDataFolder(dir)).toThrow(DataFolderLockedError);
    lock.release();
    expect(fs.existsSync(path.join(dir, "vigil.lock"))).toBe(false);
  });

  it("takes over a lock left by a process that died", async () => {
    const dir = tmp();
    const dead = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((r) => dead.once("exit", r));
    fs.writeFileSync(path.join(dir, "vigil.lock"), `${dead.pid}\n`);
    const lock = lockDataFolder(dir);
    expect(fs.readFileSync(path.join(dir, "vigil.lock"), "utf8").trim()).toBe(String(process.pid));
    lock.release();
  });
});
