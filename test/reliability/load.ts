import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { verifyAuditChain } from "../../src/server/audit/log";
import { type Database, queryRows } from "../../src/server/db/database";
import { type ApiClient, legalQuestion } from "../harness/api-client";

/**
 * What the crash and outage tests put under load and check afterwards: officers create requests
 * (a draft, then sent) and add messages through the real HTTP API, and the test remembers exactly
 * what was answered with success.
 */
export type Acknowledged = {
  /** Drafts created (201) and not (yet acknowledged as) sent. */
  drafts: Set<string>;
  /** Sent requests (200 on send), by id: their reference and details as sent. */
  requests: Map<string, { reference: string; details: unknown }>;
  /** Message bodies acknowledged (200), by request id. */
  messages: Map<string, string[]>;
  /** Every answer's status (0: no answer, the connection failed), with how many. */
  statuses: Map<number, number>;
  /** Who created each request (to read it back with the same account). */
  owners: Map<string, string>;
};

export const newAcknowledged = (): Acknowledged => ({
  drafts: new Set(),
  requests: new Map(),
  messages: new Map(),
  statuses: new Map(),
  owners: new Map(),
});

/** Demo officers and the Party each sends to. */
export const SENDERS: [string, string][] = [
  ["officer.cl@example.org", "RO"],
  ["officer.ro@example.org", "CL"],
  ["officer.mt@example.org", "RO"],
  ["officer2.ro@example.org", "MT"],
];

export type Sender = { client: ApiClient; to: string; name: string; email: string };

let counter = 0;

/**
 * One client's loop: draft, send, two messages, until `stop()` says so. A failed call (connection
 * refused or cut: the server was killed) is not acknowledged; the loop goes on with a new request.
 */
export async function clientLoop(s: Sender, ack: Acknowledged, stop: () => boolean): Promise<void> {
  const note = (status: number) => ack.statuses.set(status, (ack.statuses.get(status) ?? 0) + 1);
  while (!stop()) {
    const tag = `${s.name}-${process.pid}-${++counter}`;
    const form = legalQuestion(s.to, tag);
    const draft = await s.client.post("/api/requests", { type: form.type, requestedParty: s.to, content: {} });
    note(draft.status);
    if (draft.status !== 201) {
      await pause();
      continue;
    }
    const id = draft.data.id as string;
    ack.drafts.add(id);
    ack.owners.set(id, s.email);
    const sent = await s.client.post(`/api/requests/${id}/send`, form);
    note(sent.status);
    if (sent.status !== 200) continue;
    ack.drafts.delete(id);
    ack.requests.set(id, { reference: form.reference, details: form.details });
    for (let m = 1; m <= 2 && !stop(); m++) {
      const body = `Message ${m} of ${tag}: <b>not html</b> ' or 1=1 -- «ü»`;
      const res = await s.client.post(`/api/requests/${id}/messages`, { body });
      note(res.status);
      if (res.status === 200) ack.messages.set(id, [...(ack.messages.get(id) ?? []), body]);
    }
  }
}

const pause = () => new Promise((r) => setTimeout(r, 100));

/**
 * Every acknowledged request and message is there, read through the API after the restart (so
 * the message bodies also decrypt), and every acknowledged draft is still a draft or was sent.
 * Returns how many were found.
 */
export async function checkAcknowledged(
  clients: Map<string, ApiClient>,
  ack: Acknowledged,
): Promise<{ requests: number; messages: number; drafts: number }> {
  const found = { requests: 0, messages: 0, drafts: 0 };
  for (const [id, want] of ack.requests) {
    const client = clients.get(ack.owners.get(id) as string) as ApiClient;
    const res = await client.get(`/api/requests/${id}`);
    expect(res.status, `request ${id}`).toBe(200);
    expect(res.data.state).toBe("sent");
    expect(res.data.number).toMatch(/^\d{4}-\d+$/);
    expect(res.data.content.reference).toBe(want.reference);
    expect(res.data.content.details).toEqual(want.details);
    found.requests++;
    const bodies = (res.data.messages as { body: string }[]).map((m) => m.body);
    for (const body of ack.messages.get(id) ?? []) {
      expect(bodies).toContain(body);
      found.messages++;
    }
  }
  for (const id of ack.drafts) {
    const client = clients.get(ack.owners.get(id) as string) as ApiClient;
    const res = await client.get(`/api/requests/${id}`);
    expect(res.status, `draft ${id}`).toBe(200);
    found.drafts++;
  }
  return found;
}

/**
 * Nothing half-written, read in the database itself: a sent request has its number, its "sent"
 * step and its sender as handler; each message has its timeline step; no row points at a request
 * that is not there; the audit trail's hash chain is unbroken.
 */
export async function checkNothingHalfWritten(db: Database): Promise<void> {
  const bad = await db.ownerTx((tx) =>
    queryRows<{ what: string; n: number }>(
      tx,
      // Each line counts rows that a torn write would leave; all must be 0.
      sql.raw(`select 'sent without number or step' as what, count(*)::int as n from requests r
         where r.state <> 'draft' and (r.number is null or r.sent_at is null
           or (select count(*) from request_events e where e.request_id = r.id and e.kind = 'sent') <> 1)
       union all
       select 'sent without handler', count(*)::int from requests r
         where r.state <> 'draft' and r.sender_user_id is not null
           and not exists (select 1 from request_assignments a where a.request_id = r.id)
       union all
       select 'messages without their step', count(*)::int from requests r
         where (select count(*) from request_messages m where m.request_id = r.id)
            <> (select count(*) from request_events e where e.request_id = r.id and e.kind = 'message')
       union all
       select 'message without body', count(*)::int from request_messages where sealed is null and body is null
       union all
       select 'events of a missing request', count(*)::int from request_events e
         where not exists (select 1 from requests r where r.id = e.request_id)`),
    ),
  );
  expect(bad.filter((b) => b.n !== 0)).toEqual([]);
  const chain = await verifyAuditChain(db);
  expect(chain.ok, JSON.stringify(chain)).toBe(true);
}
