// CI's dependency check: no high or critical advisory in the production dependencies.
// A finding fails the build. If the registry's advisory service cannot be reached (some networks
// allow only GET to the registry, and the audit is a POST), the build says so loudly and goes on:
// the check did not run, which is not the same as a finding, and it is not hidden either.
import { spawnSync } from "node:child_process";

const run = spawnSync("npm", ["audit", "--omit=dev", "--json"], { encoding: "utf8" });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`npm audit gave no report:\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
const counts = report?.metadata?.vulnerabilities;
if (counts) {
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  console.log(`npm audit: ${JSON.stringify(counts)}`);
  if (serious > 0) {
    for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
      if (v.severity === "high" || v.severity === "critical")
        console.error(`  ${v.severity}: ${name} ${v.range ?? ""}`);
    }
    console.error(`npm audit: ${serious} high or critical advisories in production dependencies`);
    process.exit(1);
  }
  process.exit(0);
}
const reason = report?.message ?? report?.error?.summary ?? "no advisory data";
console.warn(`::warning::npm audit could not reach the advisory service (${reason}); dependencies were NOT checked`);
