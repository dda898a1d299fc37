import { housekeepingJob } from "../auth/jobs";
import { freshnessJob, renderReleaseJob } from "../directory/jobs";
import { incidentRetentionJob } from "../incidents/jobs";
import { pingCheckJob, pingSweepJob } from "../pings/jobs";
import { acknowledgementCheckJob, deadlineSweepJob, preservationCheckJob, retentionPurgeJob } from "../requests/jobs";
import type { JobDefinition } from "./queue";

/** Every job Vigil runs, by module. A job sent with a name not listed here is refused. */
export const JOBS: JobDefinition<unknown>[] = [
  freshnessJob,
  renderReleaseJob,
  acknowledgementCheckJob,
  preservationCheckJob,
  deadlineSweepJob,
  retentionPurgeJob,
  incidentRetentionJob,
  housekeepingJob,
  pingCheckJob,
  pingSweepJob,
];
