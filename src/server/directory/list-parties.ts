import type { PartySummary } from "../../shared/directory";
import { appendAudit } from "../audit/log";
import { auditWho } from "../auth/sign-in";
import type { UserRow } from "../auth/users";
import type { AppContext, RequestMeta } from "../context";
import { actorOf } from "../http/guard";
import { listPartySummaries } from "./parties";

/** The directory is never public: each read is recorded in the audit trail. */
export async function listParties(ctx: AppContext, user: UserRow, meta: RequestMeta): Promise<PartySummary[]> {
  return ctx.db.tx(async (tx) => {
    const list = await listPartySummaries(tx);
    await appendAudit(tx, ctx.clock.now(), auditWho(user, meta), {
      action: "directory.parties.read",
      targetType: "directory",
      details: { count: list.length },
    });
    return list;
  }, actorOf(user));
}
