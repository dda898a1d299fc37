import fs from "node:fs";
import path from "node:path";

/**
 * The project's root: the nearest folder above this module that holds package.json. The same
 * answer whether the server runs from its sources (src/server, with tsx: the tests) or compiled
 * (dist/server, one bundle: `npm start`), so files found from here never depend on where the
 * code that asks sits.
 */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);

/** A path inside the project, e.g. `projectPath("migrations")`. */
export function projectPath(...parts: string[]): string {
  return path.join(PROJECT_ROOT, ...parts);
}
