import { and, eq, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { appendAudit } from "../audit/log";
import { can } from "../auth/policy";
import { auditWho } from "../auth/sign-in";
import { randomToken, sha256 } from "../auth/tokens";
import { findUserById, type UserRow } from "../auth/users";
import type { AppContext, RequestMeta } from "../context";
import { SYSTEM_ACTOR } from "../db/database";
import { forbidden } from "../http/errors";
import { actorOf } from "../http/guard";
import { preservationWarningAt } from "./deadlines";
import { type CalendarEvent, renderCalendar } from "./ical";
import { calendarFeeds, requests } from "./tables";

/**
 * Each user's personal iCalendar feed of deadlines: acknowledgements due, answers due,
 * preservations ending. The feed's secret is in its URL (calendar apps cannot sign in); only its
 * SHA-256 is stored, so the URL is shown when it is made and a new one replaces it. Calendar apps
 * copy what they fetch to other services, so an event names the request's number and the deadline,
 * never its content.
 */

export type CalendarFeedInfo = { url: string | null; active: boolean; createdAt: string | null };

const feedUrl = (ctx: AppContext, token: string) => `${ctx.config.publicUrl}/calendar/${token}.ics`;

export async function calendarFeedInfo(ctx: AppContext, user: UserRow): Promise<CalendarFeedInfo> {
  const [row] = await ctx.db.tx(
    (tx) => tx.select().from(calendarFeeds).where(eq(calendarFeeds.userId, user.id)),
    actorOf(user),
  );
  return { url: null, active: !!row, createdAt: row?.createdAt.toISOString() ?? null };
}

/** Makes a new feed URL; the previous one stops working at once. */
export async function rotateCalendarFeed(ctx: AppContext, user: UserRow, meta: RequestMeta): Promise<CalendarFeedInfo> {
  // Deadlines are those of the requests one handles: an auditor, who only reads, has none.
  if (!can(user, "requests.write")) throw forbidden("Your account handles no requests, so it has no deadlines.");
  const at = ctx.clock.now();
  const token = randomToken();
  await ctx.db.tx(async (tx) => {
    await tx
      .insert(calendarFeeds)
      .values({ userId: user.id, tokenHash: sha256(token), createdAt: at })
      .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: sha256(token), createdAt: at } });
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "calendar.feed_rotated",
      targetType: "user",
      targetId: user.id,
    });
  }, actorOf(user));
  return { url: feedUrl(ctx, token), active: true, createdAt: at.toISOString() };
}

export async function revokeCalendarFeed(ctx: AppContext, user: UserRow, meta: RequestMeta): Promise<void> {
  const at = ctx.clock.now();
  await ctx.db.tx(async (tx) => {
    await tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, user.id));
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "calendar.feed_revoked",
      targetType: "user",
      targetId: user.id,
    });
  }, actorOf(user));
}

/** The feed for a token, or null (unknown, rotated, or its account disabled). */
export async function calendarFeed(ctx: AppContext, token: string): Promise<string | null> {
  const now = ctx.clock.now();
  const user = await ctx.db.tx(async (tx) => {
    const [feed] = await tx
      .select()
      .from(calendarFeeds)
      .where(eq(calendarFeeds.tokenHash, sha256(token)));
    if (!feed) return null;
    const u = await findUserById(tx, feed.userId);
    return u && !u.disabledAt && u.partyId && can(u, "requests.read") ? u : null;
  }, SYSTEM_ACTOR);
  if (!user?.partyId) return null;
  const partyId = user.partyId;
  const rows = await ctx.db.tx(
    (tx) =>
      tx
        .select()
        .from(requests)
        .where(
          and(
            or(eq(requests.senderPartyId, partyId), eq(requests.requestedPartyId, partyId)),
            isNotNull(requests.number),
            // Purged requests are history: no deadline of theirs is shown.
            isNull(requests.purgedAt),
            or(
              inArray(requests.state, ["sent", "acknowledged", "in_progress"]),
              isNotNull(requests.preservationExpiresOn),
            ),
          ),
        ),
    actorOf(user),
  );
  const link = (id: string) => `${ctx.config.publicUrl}/requests/${id}`;
  const fr = user.locale === "fr";
  const events: CalendarEvent[] = [];
  for (const r of rows) {
    const received = r.requestedPartyId === partyId;
    const n = r.number as string;
    if (r.state === "sent" && received && r.ackDueAt) {
      events.push({
        uid: `${r.id}-ack@vigil`,
        summary: fr ? `Accuser réception de la demande ${n}` : `Acknowledge request ${n}`,
        start: r.ackDueAt,
        url: link(r.id),
      });
    }
    if (r.answerDueAt && ["sent", "acknowledged", "in_progress"].includes(r.state)) {
      events.push({
        uid: `${r.id}-answer@vigil`,
        summary: fr ? `Réponse attendue : demande ${n}` : `Answer due: request ${n}`,
        start: r.answerDueAt,
        url: link(r.id),
      });
    }
    if (r.preservationExpiresOn && r.state !== "refused") {
      events.push({
        uid: `${r.id}-preservation@vigil`,
        summary: fr ? `Fin de la conservation ${n}` : `Preservation ${n} ends`,
        start: r.preservationExpiresOn,
        url: link(r.id),
      });
      if (!received) {
        const warn = preservationWarningAt(r.preservationExpiresOn);
        events.push({
          uid: `${r.id}-preservation-warning@vigil`,
          summary: fr
            ? `Conservation ${n} : demande d'entraide à envoyer`
            : `Preservation ${n}: send the mutual assistance request`,
          start: warn.toISOString().slice(0, 10),
          url: link(r.id),
        });
      }
    }
  }
  return renderCalendar(fr ? "Vigil — échéances" : "Vigil — deadlines", events, now);
}
