import type { SQL } from "drizzle-orm";
import { type Actor, actorSettings, atCommit, type Database, SYSTEM_ACTOR } from "./database";
import { perDatabase } from "./per-database";

/**
 * Group commit for writes that read nothing and whose answer nobody reads: the audit record of a
 * search answered from memory, with its check of the directory's generation. Each caller's
 * statements would otherwise be a transaction of their own (a BEGIN with the actor's settings,
 * the statements, a COMMIT), and every one of them passes through the audit chain's head lock.
 *
 * Callers of the same moment share one transaction instead: while a group is being committed, the
 * next callers queue, and they leave together when it is done (at most GROUP_SIZE), each under its
 * own actor (its settings statement, with its token's check, ahead of its statements). So a caller
 * waits at most for the group in flight and its own; alone, it commits at once, as before.
 *
 * A group commits all or nothing. If it fails, each member is committed again alone, so that one
 * member's failure (a revoked token, a directory changed since it was read) fails only that member,
 * with its own error, and the others commit. A caller's promise settles only once its statements
 * are committed (or refused): an answer is never sent before its audit record is kept.
 */
export async function commitGrouped(db: Database, statements: SQL[], actor: Actor): Promise<void> {
  return groupsOf(db).commit(statements, actor);
}

/** Most members in one transaction: a few hundred statements, sent in one write. */
export const GROUP_SIZE = 64;

type Member = {
  statements: SQL[];
  actor: Actor;
  resolve: () => void;
  reject: (err: unknown) => void;
};

export class CommitGroups {
  private queue: Member[] = [];
  private draining = false;
  /**
   * For tests and the benchmark: groups committed together and their members, groups that failed
   * (their members then retried alone), members committed (or refused) alone.
   */
  readonly counts = { groups: 0, grouped: 0, failed: 0, alone: 0 };

  constructor(private readonly db: Database) {}

  commit(statements: SQL[], actor: Actor): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ statements, actor, resolve, reject });
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
    try {
      await this.db.tx(async (tx) => {
        for (const member of group) {
          await atCommit(tx, actorSettings(member.actor));
          for (const statement of member.statements) await atCommit(tx, statement);
        }
      }, SYSTEM_ACTOR);
    } catch {
      this.counts.failed++;
      await Promise.all(group.map((member) => this.alone(member)));
      return;
    }
    this.counts.groups++;
    this.counts.grouped += group.length;
    for (const member of group) member.resolve();
  }

  private async alone(member: Member): Promise<void> {
    this.counts.alone++;
    try {
      await this.db.tx(async (tx) => {
        for (const statement of member.statements) await atCommit(tx, statement);
      }, member.actor);
      member.resolve();
    } catch (err) {
      member.reject(err);
    }
  }
}

export const groupsOf = perDatabase((db: Database) => new CommitGroups(db));
