import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { findPostgresBin } from "../../src/server/db/postgres-bin";

// Found where the backup commands find pg_dump (src/server/db/postgres-bin.ts).
export { findPostgresBin };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export type RunningPostgres = {
  url: (database?: string) => string;
  port: number;
  stop: () => Promise<void>;
  /**
   * Stops the server ("immediate": as after a crash, recovery at the next start; "fast": clients are
   * disconnected, a clean shutdown) and, after `downMs`, starts it again on the same port and data.
   */
  restart: (mode: "immediate" | "fast", downMs?: number) => Promise<void>;
};

/**
 * Starts a throw-away PostgreSQL server: initdb in a temporary folder, a free port on
 * 127.0.0.1, trust authentication (loopback only, test data only). PostgreSQL refuses to run
 * as root, so as root it runs as the `postgres` system user that the Debian package creates.
 */
export async function startPostgres(opts: { durable?: boolean; settings?: string[] } = {}): Promise<RunningPostgres> {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL server not found: install the Debian package `postgresql`.");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vigil-pg-"));
  const dataDir = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  const wrap = (cmd: string, args: string[]): [string, string[]] =>
    asRoot ? ["runuser", ["-u", "postgres", "--", cmd, ...args]] : [cmd, args];
  if (asRoot) {
    fs.chmodSync(dir, 0o755);
    execFileSync("chown", ["postgres:postgres", dir]);
  }
  const [initCmd, initArgs] = wrap(path.join(bin, "initdb"), [
    "-D",
    dataDir,
    "-U",
    "postgres",
    "--auth=trust",
    "--encoding=UTF8",
    "--locale=C.UTF-8",
    "--no-sync",
  ]);
  execFileSync(initCmd, initArgs, { stdio: "pipe" });
  const port = await freePort();
  const serverArgs = [
    "-D",
    dataDir,
    "-p",
    String(port),
    "-h",
    "127.0.0.1",
    "-k",
    dir,
    "-c",
    "fsync=off",
    // A durable server keeps every acknowledged commit through its own crash (the crash tests);
    // the operating system does not crash, so fsync can stay off.
    ...(opts.durable ? [] : ["-c", "synchronous_commit=off"]),
    "-c",
    "full_page_writes=off",
    "-c",
    "max_connections=200",
    // Extra `name=value` settings (the profile's statement statistics).
    ...(opts.settings ?? []).flatMap((setting) => ["-c", setting]),
  ];
  const launch = async (): Promise<ChildProcess> => {
    const [cmd, args] = wrap(path.join(bin, "postgres"), serverArgs);
    const child: ChildProcess = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr?.on("data", (d) => {
      stderr += String(d);
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`PostgreSQL did not start:\n${stderr}`);
      const ready = await new Promise<boolean>((resolve) => {
        const sock = net.connect(port, "127.0.0.1", () => {
          sock.end();
          resolve(true);
        });
        sock.on("error", () => resolve(false));
      });
      if (ready && stderr.includes("ready to accept connections")) return child;
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not start in 30 s:\n${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  // SIGINT: fast shutdown; SIGQUIT: immediate (no checkpoint, recovery at the next start). The
  // signal goes to the postmaster itself (its PID file), not to runuser, which would translate it.
  const halt = async (child: ChildProcess, signal: "SIGINT" | "SIGQUIT") => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    let postmaster: number | undefined;
    try {
      postmaster = Number.parseInt(
        fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0] ?? "",
        10,
      );
    } catch {
      /* not written yet: signal the child */
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        child.kill("SIGKILL");
        resolve();
      }, 10_000);
      child.once("exit", () => {
        clearTimeout(t);
        resolve();
      });
      if (postmaster && Number.isInteger(postmaster)) process.kill(postmaster, signal);
      else child.kill(signal);
    });
  };
  let child = await launch();
  return {
    port,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: async () => {
      await halt(child, "SIGINT");
      fs.rmSync(dir, { recursive: true, force: true });
    },
    restart: async (mode, downMs = 0) => {
      await halt(child, mode === "immediate" ? "SIGQUIT" : "SIGINT");
      if (downMs) await new Promise((r) => setTimeout(r, downMs));
      child = await launch();
    },
  };
}
