import fs from "node:fs";
import path from "node:path";

/** The newest Debian PostgreSQL binaries on this machine (/usr/lib/postgresql/<version>/bin), or null. */
export function findPostgresBin(tool = "initdb"): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", tool)))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}
