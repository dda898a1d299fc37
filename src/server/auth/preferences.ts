import type { PreferencesBody, SessionInfo } from "../../shared/auth";
import { appendAudit } from "../audit/log";
import type { AppContext, RequestMeta } from "../context";
import { actorOf } from "../http/guard";
import { presentSession } from "./presenter";
import type { SessionRow } from "./sessions";
import { auditWho } from "./sign-in";
import { findUserById, type UserRow, updatePreferences } from "./users";

export async function updateMyPreferences(
  ctx: AppContext,
  auth: { session: SessionRow; user: UserRow },
  body: PreferencesBody,
  meta: RequestMeta,
): Promise<SessionInfo> {
  return ctx.db.tx(async (tx) => {
    const at = ctx.clock.now();
    await updatePreferences(tx, auth.user.id, body, at);
    await appendAudit(tx, at, auditWho(auth.user, meta), {
      action: "user.preferences_changed",
      targetType: "user",
      targetId: auth.user.id,
      details: { ...body },
    });
    const user = (await findUserById(tx, auth.user.id)) ?? auth.user;
    return presentSession(tx, auth.session, user);
  }, actorOf(auth.user));
}
