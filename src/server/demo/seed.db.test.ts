import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testContext } from "../../../test/harness/context";
import { testDatabase } from "../../../test/harness/db";
import { verifyAuditChain } from "../audit/log";
import type { AppContext } from "../context";
import { queryRows } from "../db/database";
import { DEMO_ACCOUNTS, loadDemoNetwork } from "./seed";

let ctx: AppContext;
beforeAll(async () => {
  ctx = testContext(await testDatabase());
  expect(await loadDemoNetwork(ctx)).toBe(true);
});
afterAll(async () => {
  await ctx.db.close();
});

const rows = <T>(q: SQL) => ctx.db.tx((tx) => queryRows<T>(tx, q));

describe("demo network", () => {
  it("reproduces the December 2024 figures, counted from the database", async () => {
    const [counts] = await rows<{ parties: number; with_cp: number; more_than_one: number; cps: number }>(sql`
      select (select count(*) from parties)::int as parties,
             (select count(distinct party_id) from contact_points)::int as with_cp,
             (select count(*) from (select party_id from contact_points group by party_id having count(*) > 1) m)::int as more_than_one,
             (select count(*) from contact_points)::int as cps`);
    expect(counts).toEqual({ parties: 76, with_cp: 76, more_than_one: 12, cps: 90 });
    const byType = Object.fromEntries(
      (
        await rows<{ type: string; n: number }>(
          sql`select type::text, count(*)::int as n from contact_points group by type`,
        )
      ).map((r) => [r.type, r.n]),
    );
    expect(byType).toEqual({
      police: 65,
      prosecution: 16,
      ministry_of_justice: 4,
      security_service: 3,
      cybersecurity: 2,
    });
  });

  it("gives every Party exactly one primary contact point, reachable 24/7 by phone", async () => {
    const bad = await rows(sql`
      select p.iso2 from parties p
      left join contact_points c on c.party_id = p.id and c.is_primary
      where c.id is null or not c.available_247
         or not exists (select 1 from jsonb_array_elements(c.phones) ph where (ph->>'available247')::boolean)`);
    expect(bad).toEqual([]);
  });

  it("uses only fictional contact data", async () => {
    const bad = await rows(sql`
      select c.id from contact_points c
      where exists (select 1 from jsonb_array_elements(c.emails) e where e->>'address' not like '%@example.org')
         or exists (select 1 from jsonb_array_elements(c.phones) ph where ph->>'number' !~ '^\\+99[0-9]{8,11}$')`);
    expect(bad).toEqual([]);
    const emails = await rows<{ email: string }>(sql`select email from users`);
    expect(emails.every((u) => u.email.endsWith("@example.org"))).toBe(true);
  });

  it("creates demo accounts for the Secretariat and three Parties, enrolled, and loads only once", async () => {
    const accounts = await rows<{ role: string; iso2: string | null; enrolled: boolean }>(sql`
      select u.role::text, p.iso2, u.totp_secret is not null as enrolled from users u left join parties p on p.id = u.party_id`);
    expect(accounts).toHaveLength(DEMO_ACCOUNTS.length);
    expect(new Set(accounts.filter((a) => a.iso2).map((a) => a.iso2))).toEqual(new Set(["CL", "RO", "MT"]));
    expect(accounts.some((a) => a.role === "secretariat")).toBe(true);
    expect(accounts.every((a) => a.enrolled)).toBe(true);
    expect(await loadDemoNetwork(ctx)).toBe(false);
    expect((await verifyAuditChain(ctx.db)).ok).toBe(true);
  });
});
