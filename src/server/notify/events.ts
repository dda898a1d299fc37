import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Database, Tx } from "../db/database";

/**
 * Real-time events for open pages. A change publishes an event with pg_notify in its own
 * transaction (so it leaves only if the change commits); every server instance LISTENs on the
 * channel and forwards the event to the Server-Sent Events streams of the users it names. With
 * several instances on one PostgreSQL, an event made on one reaches a page connected to another.
 */

export const EVENTS_CHANNEL = "vigil_events";
/** NOTIFY payloads are limited to 8000 bytes: user ids go in batches. */
const IDS_PER_NOTIFY = 150;

/** An event as a page receives it: what happened, never the content. */
export type LiveEvent =
  | { type: "notification"; kind: string; at: string }
  /** A ping test moved on (a message handed over, an answer): its page refetches the counters. */
  | { type: "ping"; campaignId: string; at: string };

type Wire = { userIds: string[]; event: LiveEvent };

export async function publishEvent(tx: Tx, userIds: string[], event: LiveEvent): Promise<void> {
  for (let i = 0; i < userIds.length; i += IDS_PER_NOTIFY) {
    const wire: Wire = { userIds: userIds.slice(i, i + IDS_PER_NOTIFY), event };
    await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(wire)})`);
  }
}

type Subscriber = (event: LiveEvent) => void;

/** One per server instance: one LISTEN, fanned out to the open streams of each user. */
export class EventHub {
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private stop: (() => Promise<void>) | null = null;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    this.stop = await this.db.listen(EVENTS_CHANNEL, (payload) => this.dispatch(payload));
  }

  private dispatch(payload: string): void {
    let wire: Wire;
    try {
      wire = JSON.parse(payload) as Wire;
    } catch {
      this.log.warn("ignored a malformed event");
      return;
    }
    for (const userId of wire.userIds) for (const send of this.subscribers.get(userId) ?? []) send(wire.event);
  }

  subscribe(userId: string, send: Subscriber): () => void {
    const set = this.subscribers.get(userId) ?? new Set();
    set.add(send);
    this.subscribers.set(userId, set);
    return () => {
      set.delete(send);
      if (set.size === 0) this.subscribers.delete(userId);
    };
  }

  get openStreams(): number {
    let n = 0;
    for (const s of this.subscribers.values()) n += s.size;
    return n;
  }

  async close(): Promise<void> {
    this.subscribers.clear();
    await this.stop?.();
  }
}
