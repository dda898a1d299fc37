import fs from "node:fs";
import path from "node:path";

/**
 * PGlite allows one process per data folder; a second one corrupts it. This lock file holds
 * the owner's PID. A lock left by a dead process is taken over; a live owner is named.
 */
export class DataFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
    readonly command: string,
  ) {
    super(
      `The data folder ${folder} is in use by process ${pid}${command ? ` (${command})` : ""}. ` +
        "Stop that process, or set VIGIL_DATA to another folder.",
    );
    this.name = "DataFolderLockedError";
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
  } catch {
    return "";
  }
}

export type FolderLock = { release(): void };

export function lockDataFolder(folder: string): FolderLock {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, "vigil.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      // "wx" creates atomically or fails if present: two starters cannot both win.
      const fd = fs.openSync(file, "wx", 0o600);
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      process.once("exit", release);
      return { release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const pid = Number.parseInt(fs.readFileSync(file, "utf8").trim(), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new DataFolderLockedError(folder, pid, commandOf(pid));
      }
      if (pid === process.pid) throw new DataFolderLockedError(folder, pid, "this process");
      // Stale lock from a process that died: remove it and try again.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the data folder ${folder}`);
}
