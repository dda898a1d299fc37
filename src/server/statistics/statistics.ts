import { sql } from "drizzle-orm";
import type { Locale } from "../../shared/auth";
import type { DirectoryFigures, PingFigures, RequestFlows } from "../../shared/plenary";
import type { RequestType } from "../../shared/requests";
import { statisticsScope } from "../auth/policy";
import type { Principal } from "../auth/principal";
import type { AppContext } from "../context";
import { queryRows } from "../db/database";
import { readDirectoryDocument } from "../directory/entries";
import { csvDocument } from "../directory/formats/csv";
import { forbidden } from "../http/errors";
import { actorOf } from "../http/guard";
import { rowLabel } from "../pings/export";
import { pingTables } from "../pings/figures";
import { contactPointFigures } from "./directory";

/*
 * The statistics page (issue 9): aggregates as plain functions over the data. Requests are
 * counted in the database by SECURITY DEFINER functions that return numbers only and leave
 * training exercises out (migrations/0023_plenary.sql); the caller never reads a request row.
 * The Secretariat sees every Party's figures; a Party's members their own Party's rows and the
 * Network's aggregates.
 */

type Period = { from?: string; to?: string };

function scopeOf(user: Principal): "network" | "party" {
  const scope = statisticsScope(user);
  if (!scope) throw forbidden("Statistics are for the Secretariat and the Parties' contact points.");
  return scope;
}

export async function directoryFigures(ctx: AppContext, user: Principal): Promise<DirectoryFigures> {
  scopeOf(user);
  return ctx.db.tx(async (tx) => contactPointFigures(await readDirectoryDocument(tx)), actorOf(user));
}

const round = (n: number | null) => (n === null ? null : Math.round(Number(n) * 10) / 10);

export async function requestFlows(ctx: AppContext, user: Principal, q: Period): Promise<RequestFlows> {
  const scope = scopeOf(user);
  const from = q.from ?? null;
  const to = q.to ?? null;
  return ctx.db.tx(async (tx) => {
    const flows = await queryRows<{
      iso2: string;
      name_en: string;
      name_fr: string;
      type: RequestType;
      sent: number;
      received: number;
    }>(
      tx,
      sql`select p.iso2, p.name_en, p.name_fr, f.type, f.sent, f.received
          from vigil_request_flows(${from}::date, ${to}::date) f
          join parties p on p.id = f.party_id
          order by p.name_en, f.type`,
    );
    const perParty = await queryRows<{
      iso2: string;
      name_en: string;
      name_fr: string;
      sent: number;
      received: number;
      ack: number | null;
      answer: number | null;
    }>(
      tx,
      sql`select p.iso2, p.name_en, p.name_fr, o.sent, o.received, o.ack_minutes as ack, o.answer_minutes as answer
          from vigil_request_overview(${from}::date, ${to}::date) o
          join parties p on p.id = o.party_id
          where o.sent > 0 or o.received > 0
          order by p.name_en`,
    );
    const [network] = await queryRows<{ sent: number; ack: number | null; answer: number | null }>(
      tx,
      sql`select sent, ack_minutes as ack, answer_minutes as answer from vigil_request_network(${from}::date, ${to}::date)`,
    );
    const byType = await queryRows<{ type: RequestType; count: number }>(
      tx,
      sql`select t.type, t.count from vigil_request_counts_by_type(${from}::date, ${to}::date) t order by t.count desc, t.type`,
    );
    // A Party's members see their own Party's rows; the Network's figures above are aggregates.
    const own = user.partyId
      ? (await queryRows<{ iso2: string }>(tx, sql`select iso2 from parties where id = ${user.partyId}`))[0]?.iso2
      : undefined;
    const mine = (iso2: string) => scope === "network" || iso2 === own;
    const name = (r: { iso2: string; name_en: string; name_fr: string }) => ({
      iso2: r.iso2,
      nameEn: r.name_en,
      nameFr: r.name_fr,
    });
    return {
      from,
      to,
      scope,
      network: {
        sent: network?.sent ?? 0,
        medianMinutesToAcknowledge: round(network?.ack ?? null),
        medianMinutesToAnswer: round(network?.answer ?? null),
        byType,
      },
      rows: flows
        .filter((r) => mine(r.iso2))
        .map((r) => ({ party: name(r), type: r.type, sent: r.sent, received: r.received })),
      parties: perParty
        .filter((r) => mine(r.iso2))
        .map((r) => ({
          party: name(r),
          sent: r.sent,
          received: r.received,
          medianMinutesToAcknowledge: round(r.ack),
          medianMinutesToAnswer: round(r.answer),
        })),
    };
  }, actorOf(user));
}

/**
 * Each ping test's Parties' table, oldest first. The Secretariat reads every campaign; a Party's
 * members, under row-level security, only the campaigns that pinged their Party and their own
 * contact points: their own Party's results over time.
 */
export async function pingFigures(ctx: AppContext, user: Principal): Promise<PingFigures> {
  const scope = scopeOf(user);
  return ctx.db.tx(async (tx) => {
    const tables = await pingTables(tx);
    return {
      scope,
      items: tables.map((t) => ({
        title: t.title,
        firedAt: t.firedAt.toISOString(),
        parties: t.parties,
        answered: t.answered,
        rows: t.rows,
      })),
    };
  }, actorOf(user));
}

const HEAD = {
  en: {
    directory: ["Figure", "Count"],
    dirRows: ["Parties", "Parties with contact points", "Parties with more than one contact point", "Contact points"],
    requests: ["Party", "Party name", "Request type", "Sent", "Received"],
    parties: ["Party", "Party name", "Sent", "Received", "Median minutes to acknowledge", "Median minutes to answer"],
    pings: ["Ping test", "Sent (UTC)", "Parties", "Answered", "Row", "Cumulative"],
    type: "Type",
  },
  fr: {
    directory: ["Indicateur", "Nombre"],
    dirRows: [
      "Parties",
      "Parties ayant un point de contact",
      "Parties ayant plus d'un point de contact",
      "Points de contact",
    ],
    requests: ["Partie", "Nom de la Partie", "Type de demande", "Envoyées", "Reçues"],
    parties: [
      "Partie",
      "Nom de la Partie",
      "Envoyées",
      "Reçues",
      "Délai médian d'accusé (minutes)",
      "Délai médian de réponse (minutes)",
    ],
    pings: ["Test", "Envoyé (UTC)", "Parties", "Réponses", "Ligne", "Cumul"],
    type: "Type",
  },
} as const;

/** Each figure of the page as CSV (formula-guarded like every CSV of Vigil), in the reader's language. */
export async function statisticsCsv(
  ctx: AppContext,
  user: Principal,
  figure: "directory" | "requests" | "parties" | "pings",
  q: Period,
  lang: Locale,
): Promise<string> {
  const h = HEAD[lang];
  const n = (p: { nameEn: string; nameFr: string }) => (lang === "fr" ? p.nameFr : p.nameEn);
  const num = (v: number | null) => (v === null ? "" : String(v));
  if (figure === "directory") {
    const d = await directoryFigures(ctx, user);
    return csvDocument([
      [...h.directory],
      [h.dirRows[0], String(d.parties)],
      [h.dirRows[1], String(d.partiesWithContactPoints)],
      [h.dirRows[2], String(d.moreThanOne)],
      [h.dirRows[3], String(d.contactPoints)],
      ...d.byType.map((t) => [`${h.type}: ${t.type}`, String(t.count)]),
    ]);
  }
  if (figure === "pings") {
    const p = await pingFigures(ctx, user);
    return csvDocument([
      [...h.pings],
      ...p.items.flatMap((i) =>
        i.rows.map((r) => [
          i.title,
          i.firedAt,
          String(i.parties),
          String(i.answered),
          rowLabel(r.minutes, lang),
          String(r.count),
        ]),
      ),
    ]);
  }
  const f = await requestFlows(ctx, user, q);
  if (figure === "requests") {
    return csvDocument([
      [...h.requests],
      ...f.rows.map((r) => [r.party.iso2, n(r.party), r.type, String(r.sent), String(r.received)]),
    ]);
  }
  return csvDocument([
    [...h.parties],
    ...f.parties.map((r) => [
      r.party.iso2,
      n(r.party),
      String(r.sent),
      String(r.received),
      num(r.medianMinutesToAcknowledge),
      num(r.medianMinutesToAnswer),
    ]),
  ]);
}
