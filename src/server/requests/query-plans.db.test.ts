import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { signedIn } from "../../../test/harness/http";
import { planOf, type Recorded, recording } from "../../../test/harness/query-plans";
import { sendLegalQuestion } from "../../../test/harness/requests";
import { buildApp } from "../app";
import { actorOf } from "../auth/principal";
import type { UserRow } from "../auth/users";
import type { AppContext } from "../context";
import { loadDemoNetwork } from "../demo/seed";
import { listRequests, readRequest } from "./requests";

/**
 * The main reads of requests are served by indexes, not by reading the whole table: at a million
 * requests a sequential scan is what makes an inbox slow. The test records the SQL the real use
 * cases send (inbox, sent, drafts, the overdue filter, a request's detail), then asks PostgreSQL
 * for each plan as the same actor (row-level security adds its own conditions) with sequential
 * scans priced out (`enable_seqscan = off`): a query no index can serve still shows "Seq Scan on
 * requests" then, whatever the table's size. On PGlite and on PostgreSQL.
 */

let ctx: AppContext;
let app: FastifyInstance;
let officer: UserRow;
let requestId: string;
beforeAll(async () => {
  ctx = testContext(await testDatabase());
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  const cl = await signedIn(app, ctx, "plans.cl@example.org", "officer", "CL");
  officer = cl.user;
  const sent = await sendLegalQuestion(cl.c, "RO");
  requestId = sent.draftId;
  // A few more, and a draft, so that every box has rows.
  await sendLegalQuestion(cl.c, "MT");
  await cl.c.post("/api/requests", { type: "legal_information", requestedParty: "RO", content: {} });
  const ro = await signedIn(app, ctx, "plans.ro@example.org", "officer", "RO");
  await sendLegalQuestion(ro.c, "CL");
  await ctx.db.ownerTx((tx) => tx.execute(sql`analyze`));
});
afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

async function statementsOf(run: (ctx: AppContext) => Promise<unknown>): Promise<Recorded[]> {
  const recorded: Recorded[] = [];
  await run({ ...ctx, db: recording(ctx.db, recorded) });
  // Only reads of requests matter here (the audit append and the role switch are not reads of it).
  return recorded.filter((q) => /^\s*select/i.test(q.sql) && /\bfrom "requests"|\bjoin "requests"/.test(q.sql));
}

const noSeqScan = async (statements: Recorded[]) => {
  expect(statements.length).toBeGreaterThan(0);
  for (const q of statements) {
    const plan = await planOf(ctx.db, actorOf(officer), q);
    expect(plan, `${q.sql}\n${plan}`).not.toMatch(/Seq Scan on requests\b/);
    // And the plan a prepared statement keeps, planned without its values (the listing asks for
    // it: force_generic_plan), since that one runs every time.
    const generic = await planOf(ctx.db, actorOf(officer), q, { generic: true });
    expect(generic, `${q.sql}\n${generic}`).not.toMatch(/Seq Scan on requests\b/);
  }
};

describe("query plans of the main reads of requests", () => {
  it("the inbox, with its counts, reads through indexes", async () => {
    const statements = await statementsOf((c) =>
      listRequests(c, officer, { box: "inbox", limit: 50, offset: 0, overdue: false }),
    );
    // The page, then its total and the four counts in one statement.
    expect(statements.length).toBeGreaterThanOrEqual(2);
    await noSeqScan(statements);
  });

  it("the inbox's and the sent list's page is read in display order from an index, not sorted", async () => {
    for (const box of ["inbox", "outbox"] as const) {
      const [page] = await statementsOf((c) => listRequests(c, officer, { box, limit: 50, offset: 0, overdue: false }));
      expect(page?.sql).toMatch(/order by/i);
      const plan = await planOf(ctx.db, actorOf(officer), page as Recorded, { sortsPricedOut: true });
      expect(plan, plan).toMatch(box === "inbox" ? /requests_inbox_order_idx/ : /requests_outbox_order_idx/);
      expect(plan, plan).not.toMatch(/\bSort\b/);
    }
  });

  it("sent requests, drafts and the overdue filter read through indexes", async () => {
    for (const q of [
      { box: "outbox" as const, limit: 50, offset: 0, overdue: false },
      { box: "drafts" as const, limit: 50, offset: 0, overdue: false },
      { box: "inbox" as const, limit: 50, offset: 0, overdue: true, type: "legal_information" as const },
    ]) {
      await noSeqScan(await statementsOf((c) => listRequests(c, officer, q)));
    }
  });

  it("a request's detail reads through indexes", async () => {
    const statements = await statementsOf((c) =>
      readRequest(c, officer, requestId, { ip: null, userAgent: null }, { audit: false }),
    );
    await noSeqScan(statements);
  });

  it("the check itself sees a sequential scan where no index serves the condition", async () => {
    // A condition on a column without an index: the same check must report it, or it proves nothing.
    const q = { sql: `select id from requests where reference = $1`, params: ["TEST-LEGAL-1"] };
    expect(await planOf(ctx.db, actorOf(officer), q)).toMatch(/Seq Scan on requests\b/);
    const generic = await planOf(ctx.db, actorOf(officer), q, { generic: true });
    expect(generic).toMatch(/Seq Scan on requests\b/);
    // Planned without its value: the value is a parameter in the plan.
    expect(generic).toMatch(/\$1/);
  });
});
