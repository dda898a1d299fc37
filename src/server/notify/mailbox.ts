import { desc, eq } from "drizzle-orm";
import type { UserRow } from "../auth/users";
import type { Tx } from "../db/database";
import { devMailbox } from "./tables";

/** The development mailbox: the Secretariat sees every message, others the ones addressed to them. */
export async function listMailbox(tx: Tx, user: UserRow, limit = 200) {
  const rows = await tx
    .select()
    .from(devMailbox)
    .where(user.role === "secretariat" ? undefined : eq(devMailbox.to, user.email))
    .orderBy(desc(devMailbox.sentAt), desc(devMailbox.id))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, to: r.to, subject: r.subject, text: r.text, sentAt: r.sentAt.toISOString() }));
}
