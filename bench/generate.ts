/**
 * The benchmark's data, generated fast: the directory (200 Parties, 10,000 contact points) through
 * the directory's own search-text function in batches, a few accounts and a signed release through
 * the use cases, one real request sent through the requests module, then N requests cloned from
 * it with SQL (generate_series), each with a timeline entry and a message sealed with the vault
 * like any other. Used by bench/run.ts on PostgreSQL and on PGlite.
 */
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createApiToken } from "../src/server/api-tokens/api-tokens";
import { newTotpSecret } from "../src/server/auth/totp";
import { createUser, type UserRow } from "../src/server/auth/users";
import type { AppContext } from "../src/server/context";
import { type Database, SYSTEM_ACTOR } from "../src/server/db/database";
import { searchDocument } from "../src/server/directory/entries";
import { renderReleaseFiles } from "../src/server/directory/release-files";
import { publishRelease } from "../src/server/directory/releases";
import { contactPoints, parties, searchWords } from "../src/server/directory/tables";
import { createDraft, sendRequest } from "../src/server/requests/requests";
import { sealMessage } from "../src/server/requests/sealing";
import { ContactPointFields } from "../src/shared/directory";
import { RequestContent } from "../src/shared/requests";

const require = createRequire(import.meta.url);
const countries = require("i18n-iso-countries") as {
  getAlpha2Codes(): Record<string, string>;
  getName(code: string, lang: string): string | undefined;
  registerLocale(locale: unknown): void;
};
countries.registerLocale(require("i18n-iso-countries/langs/en.json"));
countries.registerLocale(require("i18n-iso-countries/langs/fr.json"));

/** Plain SQL with parameters on either driver (both answer `{ rows }`). */
export type Raw = { query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>; close(): Promise<void> };

export async function rawConnection(db: Database): Promise<Raw> {
  const store = db.jobStore;
  if (store.kind === "pglite") {
    const client: PGlite = store.client;
    return {
      query: async <T>(text: string, params?: unknown[]) => ({ rows: (await client.query<T>(text, params)).rows }),
      close: async () => {},
    };
  }
  const client = new pg.Client({ connectionString: store.url });
  await client.connect();
  return {
    query: async <T>(text: string, params?: unknown[]) => ({
      rows: (await client.query(text, params as unknown[])).rows as T[],
    }),
    close: () => client.end(),
  };
}

let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const INSTITUTIONS = [
  "National Police",
  "Prosecutor General's Office",
  "Ministry of Justice",
  "State Security Service",
  "National Cyber Security Centre",
  "Criminal Police Directorate",
  "Gendarmerie nationale",
  "Fiscalía General",
];
const UNITS = ["Cybercrime Unit", "High-Tech Crime Division", "Digital Forensics Section", "Cooperation Desk"];
const TYPES = ["police", "police", "prosecution", "ministry_of_justice", "security_service", "cybersecurity"] as const;
const LANGS = ["en", "fr", "es", "de", "ro", "pt", "ar", "ru", "it", "nl"];
const ZONES = ["Europe/Paris", "Europe/Bucharest", "America/Santiago", "Asia/Tokyo", "America/New_York"];

export type BenchFixtures = {
  /** Party A: its API token reads its inbox and creates its drafts. */
  partyA: string;
  /** Party B: its officer watches the event stream while A sends to B. */
  partyB: string;
  token: string;
  officerB: { email: string; password: string; totpSecret: string };
  secretariat: { email: string; password: string; totpSecret: string };
  releaseVersion: string;
  /** The content of a complete request form, for the send through the API. */
  sendBody: Record<string, unknown>;
};

const PASSWORD = "bench password 2026";

/** 200 Parties of 50 contact points each, the accounts, the API token, a release and the template request. */
export async function generateDirectory(ctx: AppContext, nParties = 200, perParty = 50): Promise<BenchFixtures> {
  const at = new Date();
  const codes = Object.keys(countries.getAlpha2Codes()).sort().slice(0, nParties);
  const rows = await ctx.db.tx(async (tx) => {
    const inserted = await tx
      .insert(parties)
      .values(
        codes.map((iso2) => ({
          iso2,
          nameEn: countries.getName(iso2, "en") ?? iso2,
          nameFr: countries.getName(iso2, "fr") ?? iso2,
          altNames: [],
          status: "party" as const,
          conventionRatifiedOn: null,
          sapRatifiedOn: null,
          createdAt: at,
          updatedAt: at,
        })),
      )
      .returning();
    const words = new Set<string>();
    let n = 0;
    for (const party of inserted) {
      const batch = [];
      for (let i = 0; i < perParty; i++, n++) {
        const fields = ContactPointFields.parse({
          isPrimary: i === 0,
          type: i === 0 ? "police" : pick(TYPES),
          institution: pick(INSTITUTIONS),
          unit: `${pick(UNITS)} ${i}`,
          address: `${Math.floor(rand() * 200)} Sample Street, ${party.nameEn}`,
          phones: [{ number: `+99${Math.floor(1e8 + rand() * 9e8)}`, available247: true, note: "Duty desk" }],
          emails: [{ address: `cp${n}@bench.example.org` }],
          available247: true,
          timeZone: pick(ZONES),
          languages: [...new Set(["en", pick(LANGS)])],
          instructions: "Send the T-CY preservation template by e-mail, then call the duty desk.",
          functions: ["preservation", "technical_advice"],
          networks: ["budapest_art35"],
        });
        const search = searchDocument(party, fields);
        for (const w of search.searchText.split(" ")) if (w && w.length <= 100) words.add(w);
        batch.push({ partyId: party.id, ...fields, ...search, lastConfirmedAt: at, createdAt: at, updatedAt: at });
      }
      await tx.insert(contactPoints).values(batch);
    }
    const list = [...words];
    for (let i = 0; i < list.length; i += 1000) {
      await tx
        .insert(searchWords)
        .values(list.slice(i, i + 1000).map((word) => ({ word })))
        .onConflictDoNothing();
    }
    return inserted;
  }, SYSTEM_ACTOR);
  const partyA = rows.find((p) => p.iso2 === "FR")?.iso2 ?? (rows[0]?.iso2 as string);
  const partyB = rows.find((p) => p.iso2 === "CL")?.iso2 ?? (rows[1]?.iso2 as string);

  const account = async (email: string, role: UserRow["role"], partyIso2: string | null) => {
    const totpSecret = newTotpSecret();
    const user = await ctx.db.tx((tx) =>
      createUser(
        tx,
        {
          email,
          displayName: email.split("@")[0] as string,
          password: PASSWORD,
          role,
          ...(partyIso2 ? { partyIso2 } : {}),
          totp: { secret: totpSecret, ring: ctx.keyring },
        },
        at,
      ),
    );
    return { user, creds: { email, password: PASSWORD, totpSecret } };
  };
  const meta = { ip: "127.0.0.1", userAgent: "vigil-bench" };
  const adminA = await account("admin.a@bench.example.org", "party_admin", partyA);
  const officerA = await account("officer.a@bench.example.org", "officer", partyA);
  const officerB = await account("officer.b@bench.example.org", "officer", partyB);
  const secretariat = await account("secretariat@bench.example.org", "secretariat", null);
  const { token } = await createApiToken(
    ctx,
    adminA.user,
    { name: "bench", scopes: ["directory:read", "requests:read", "requests:write"] },
    meta,
  );
  const release = await publishRelease(ctx, secretariat.user, { version: "1.0.0", notes: "Benchmark" }, meta);
  // The generator runs no job workers: it does what the publication's job does
  // (directory.render-release), as it has done in production before anyone downloads the release.
  await renderReleaseFiles(ctx, SYSTEM_ACTOR, release.id);

  const sendBody = {
    type: "legal_information",
    requestedParty: partyB,
    language: "en",
    reference: "BENCH-LEGAL-1",
    requestingAuthority: {
      organisation: "Cybercrime Unit (fictional)",
      personInCharge: "M. Example",
      address: "1 Example Street",
      phone: "+99 2 555 0100",
      email: "duty@example.org",
      officeHours: "Mon–Fri 08:30–17:30",
      timeZone: "UTC",
    },
    confirmationContact: { name: "M. Example", phone: "+99 2 555 0101", email: "duty@example.org" },
    handlingConditions: { purpose: "Legal question for case BENCH-LEGAL-1" },
    details: { subject: "Retention of connection logs", details: "How long do providers keep connection logs?" },
  };
  // The template: a real request, drafted and sent by the requests module's use cases.
  const draft = await createDraft(
    ctx,
    officerA.user,
    { type: "legal_information", requestedParty: partyB, content: {} },
    meta,
  );
  await sendRequest(ctx, officerA.user, draft.id, RequestContent.parse(sendBody), meta);
  return {
    partyA,
    partyB,
    token,
    officerB: officerB.creds,
    secretariat: secretariat.creds,
    releaseVersion: release.version,
    sendBody,
  };
}

/**
 * Adds requests numbered `from`..`to` (inclusive), cloned from the template request with SQL:
 * Parties spread over all of them (each Party sends and receives about 1/200 of them), sent over
 * the last three years, in every state after sending, a timeline entry each and one message
 * sealed under the vault key (sealed here, in batches: the key is configuration, not data).
 */
export async function generateRequests(raw: Raw, ctx: AppContext, from: number, to: number): Promise<void> {
  const CHUNK = 25_000;
  await raw.query(`create temporary table if not exists bench_parties as
    select (row_number() over (order by p.iso2) - 1)::int as i, p.id,
           (select c.id from contact_points c where c.party_id = p.id and c.is_primary limit 1) as cp
      from parties p`);
  const [{ n: nParties } = { n: 0 }] = (await raw.query<{ n: number }>("select count(*)::int as n from bench_parties"))
    .rows;
  for (let start = from; start <= to; start += CHUNK) {
    const end = Math.min(to, start + CHUNK - 1);
    await raw.query("begin");
    // As the superuser generating data: triggers and foreign-key checks off for this transaction
    // (the rows are built consistent: existing Parties, contact points of the requested Party).
    await raw.query("set local session_replication_role = replica");
    const created = await raw.query<{ id: string; party: string; at: string }>(
      `with t as (select type, content, handling_conditions from requests where reference = 'BENCH-LEGAL-1' limit 1)
       insert into requests (id, number, type, state, emergency, sender_party_id, requested_party_id, contact_point_id,
         language, reference, content, handling_conditions, created_at, updated_at, sent_at, ack_due_at,
         acknowledged_at, answer_due_at, answered_at, closed_at, reminded_at, escalated_at)
       select gen_random_uuid(), 'B' || lpad(g::text, 8, '0'), t.type,
         (array['sent','acknowledged','in_progress','executed','closed'])[1 + g % 5]::request_state,
         g % 40 = 0, s.id, r.id, r.cp, 'en', 'BENCH-' || g, t.content, t.handling_conditions,
         x.at, x.at, x.at, x.at + interval '1 hour',
         case when g % 5 > 0 then x.at + interval '40 minutes' end, x.at + interval '30 days',
         case when g % 5 > 2 then x.at + interval '9 days' end, case when g % 5 = 4 then x.at + interval '10 days' end,
         -- The unacknowledged ones were reminded and escalated long ago: the deadline sweep has nothing to do.
         case when g % 5 = 0 then x.at + interval '1 hour' end, case when g % 5 = 0 then x.at + interval '2 hours' end
       from generate_series($1::int, $2::int) g
       cross join t
       cross join lateral (select now() - ((g::bigint * 7919) % 1576800) * interval '1 minute' as at) x
       join bench_parties s on s.i = (g * 7) % $3
       join bench_parties r on r.i = ((g * 7) % $3 + 1 + (g * 13) % ($3 - 1)) % $3
       returning id, sender_party_id as party, sent_at::text as at`,
      [start, end, nParties],
    );
    await raw.query(
      `insert into request_events (request_id, at, kind, from_state, to_state, actor_party_id)
       select id, sent_at, 'sent', 'draft', 'sent', sender_party_id from requests
        where number between $1 and $2`,
      [`B${String(start).padStart(8, "0")}`, `B${String(end).padStart(8, "0")}`],
    );
    const messages = created.rows.map((r) => {
      const id = randomUUID();
      const { keyId, sealed } = sealMessage(ctx.keyring, id, `Follow-up on the request: logs kept 6 months (${r.id}).`);
      return { id, r: r.id, p: r.party, at: r.at, k: keyId, s: sealed.toString("hex") };
    });
    await raw.query(
      `insert into request_messages (id, request_id, at, party_id, key_id, sealed)
       select (m->>'id')::uuid, (m->>'r')::uuid, (m->>'at')::timestamptz + interval '2 hours', (m->>'p')::uuid,
              m->>'k', decode(m->>'s', 'hex')
         from jsonb_array_elements($1::jsonb) m`,
      [JSON.stringify(messages)],
    );
    await raw.query("commit");
  }
  // The list counts, which the triggers turned off above did not keep.
  await raw.query("select vigil_recount_requests()");
  // And the listings an instance keeps (listing-cache.ts), which the triggers did not move either.
  await raw.query("select vigil_request_boxes_all_moved()");
  // What autovacuum does to a table at rest: statistics, and the visibility map that lets a count
  // be answered from an index alone.
  await raw.query("vacuum (analyze) requests");
  await raw.query("analyze");
}
