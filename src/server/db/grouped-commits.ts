import { type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { ChainedFields } from "../audit/chain";
import { auditRowsStatement } from "../audit/log";
import { type Actor, atCommit, type Database, requireApiToken, SYSTEM_ACTOR } from "./database";
import { perDatabase } from "./per-database";

/**
 * What a caller of a grouped commit commits: the audit records of a read already answered from
 * memory or already done, and the checks it must pass for them to hold (that the directory is
 * still at the generation a search was answered from); or checks alone, for an answer given again
 * from memory that is not audited (a box listing: that the Party's boxes have not changed). A
 * check only reads, and fails its statement to refuse: it must hold whoever runs it, since in a
 * group it runs once for all who ask it.
 */
export type GroupedCommit = { checks?: SQL[]; records: ChainedFields[] };

/**
 * Group commit for writes that read nothing and whose answer nobody reads: the audit record of a
 * search answered from memory, with its check of the directory's generation. Each caller's
 * records would otherwise be a transaction of their own (a BEGIN with the actor's settings, the
 * statements, a COMMIT), and every one of them passes through the audit chain's head lock.
 *
 * Callers of the same moment share one transaction instead: while a group is being committed, the
 * next callers queue, and they leave together when it is done (at most GROUP_SIZE). The group is
 * then a handful of statements, however many members: each distinct check once (the members' API
 * tokens, still unrevoked, among them), and one append of all their records in order, which locks
 * and moves the chain's head once (vigil_audit_append). So a caller waits at most for the group in
 * flight and its own; alone, it commits at once, in a transaction under its own actor.
 *
 * A group commits all or nothing. If it fails, each member is committed again alone, so that one
 * member's failure (a revoked token, a directory changed since it was read) fails only that member,
 * with its own error, and the others commit. A caller's promise settles only once its records are
 * committed (or refused): an answer is never sent before its audit record is kept.
 */
export async function commitGrouped(db: Database, commit: GroupedCommit, actor: Actor): Promise<void> {
  return groupsOf(db).commit(commit, actor);
}

/** Most members in one transaction: their records are one statement's arrays. */
export const GROUP_SIZE = 64;

type Member = GroupedCommit & {
  actor: Actor;
  resolve: () => void;
  reject: (err: unknown) => void;
};

const dialect = new PgDialect();

/** The same check asked by several members (the same text and values) runs once. */
function distinct(checks: SQL[]): SQL[] {
  const seen = new Map<string, SQL>();
  for (const check of checks) {
    const { sql: text, params } = dialect.sqlToQuery(check);
    const key = JSON.stringify([text, params]);
    if (!seen.has(key)) seen.set(key, check);
  }
  return [...seen.values()];
}

/** An API token's check, as a member's own transaction makes it in its BEGIN (database.ts). */
const tokenCheck = (apiTokenId: string) => sql`select ${requireApiToken(apiTokenId)}`;

export class CommitGroups {
  private queue: Member[] = [];
  private draining = false;
  /**
   * For tests and the benchmark: groups committed together and their members, groups that failed
   * (their members then retried alone), members committed (or refused) alone, and the checks the
   * groups ran (each distinct one once).
   */
  readonly counts = { groups: 0, grouped: 0, failed: 0, alone: 0, checks: 0 };

  constructor(private readonly db: Database) {}

  commit(commit: GroupedCommit, actor: Actor): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...commit, actor, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        // The callers of this turn of the event loop join the first group.
        process.nextTick(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.run(this.queue.splice(0, GROUP_SIZE));
    } finally {
      this.draining = false;
    }
  }

  private async run(group: Member[]): Promise<void> {
    if (group.length === 1) return this.alone(group[0] as Member);
    const checks = distinct(
      group.flatMap((m) => [...(m.actor.apiTokenId ? [tokenCheck(m.actor.apiTokenId)] : []), ...(m.checks ?? [])]),
    );
    try {
      await this.db.tx(async (tx) => {
        for (const check of checks) await atCommit(tx, check);
        const records = group.flatMap((m) => m.records);
        if (records.length > 0) await atCommit(tx, auditRowsStatement(records));
      }, SYSTEM_ACTOR);
    } catch {
      this.counts.failed++;
      // One after the other, in the order they came: their records keep that order in the chain,
      // as in a group (concurrent retries committed in whatever order their connections finished).
      for (const member of group) await this.alone(member);
      return;
    }
    this.counts.groups++;
    this.counts.grouped += group.length;
    this.counts.checks += checks.length;
    for (const member of group) member.resolve();
  }

  private async alone(member: Member): Promise<void> {
    this.counts.alone++;
    try {
      await this.db.tx(async (tx) => {
        for (const check of member.checks ?? []) await atCommit(tx, check);
        if (member.records.length > 0) await atCommit(tx, auditRowsStatement(member.records));
      }, member.actor);
      member.resolve();
    } catch (err) {
      member.reject(err);
    }
  }
}

export const groupsOf = perDatabase((db: Database) => new CommitGroups(db));
