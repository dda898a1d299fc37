import { and, asc, desc, eq, gte, lte } from "drizzle-orm";
import countries from "i18n-iso-countries";
import type {
  AttendanceInput,
  Meeting,
  MeetingDetail,
  MeetingInput,
  MeetingList,
  Registration,
  RegistrationInput,
} from "../../shared/plenary";
import { appendAudit } from "../audit/log";
import { can } from "../auth/policy";
import type { Principal } from "../auth/principal";
import { auditWho } from "../auth/sign-in";
import type { AppContext, RequestMeta } from "../context";
import type { Tx } from "../db/database";
import { findPartyByIso2 } from "../directory/entries";
import { badRequest, forbidden, notFound } from "../http/errors";
import { actorOf } from "../http/guard";
import { participationOf } from "./participation";
import { meetingRegistrations, meetings } from "./tables";

/*
 * Annual meetings of the Network: the Secretariat records the event, invites delegates, records
 * their registration (in person or online) and whether they came. The plenary report counts them.
 */

type MeetingRow = typeof meetings.$inferSelect;
type RegistrationRow = typeof meetingRegistrations.$inferSelect;

const NOT_FOUND = "No meeting with this id.";

function requireManager(user: Principal): void {
  if (!can(user, "plenary.manage")) throw forbidden("Annual meetings are the Secretariat's.");
}

const presentRegistration = (r: RegistrationRow): Registration => ({
  id: r.id,
  name: r.name,
  email: r.email,
  kind: r.kind,
  country: r.country,
  organisation: r.organisation,
  mode: r.mode,
  status: r.status,
  attended: r.attended,
});

function presentMeeting(m: MeetingRow, regs: readonly RegistrationRow[]): Meeting {
  return {
    id: m.id,
    title: m.title,
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    place: m.place,
    notes: m.notes,
    participation: participationOf(regs),
  };
}

/** The meetings that started in a period, newest first, with their registrations (the plenary's input). */
export async function meetingsIn(tx: Tx, from: string, to: string) {
  const rows = await tx
    .select()
    .from(meetings)
    .where(and(gte(meetings.startsOn, from), lte(meetings.startsOn, to)))
    .orderBy(desc(meetings.startsOn));
  const out = [];
  for (const m of rows) {
    const regs = await tx.select().from(meetingRegistrations).where(eq(meetingRegistrations.meetingId, m.id));
    out.push(presentMeeting(m, regs));
  }
  return out;
}

export async function listMeetings(ctx: AppContext, user: Principal): Promise<MeetingList> {
  requireManager(user);
  return ctx.db.tx(async (tx) => ({ items: await meetingsIn(tx, "0001-01-01", "9999-12-31") }), actorOf(user));
}

async function detail(tx: Tx, id: string): Promise<MeetingDetail> {
  const [m] = await tx.select().from(meetings).where(eq(meetings.id, id));
  if (!m) throw notFound(NOT_FOUND);
  const regs = await tx
    .select()
    .from(meetingRegistrations)
    .where(eq(meetingRegistrations.meetingId, id))
    .orderBy(asc(meetingRegistrations.name));
  return { ...presentMeeting(m, regs), registrations: regs.map(presentRegistration) };
}

export async function readMeeting(ctx: AppContext, user: Principal, id: string): Promise<MeetingDetail> {
  requireManager(user);
  return ctx.db.tx((tx) => detail(tx, id), actorOf(user));
}

/** Writes a meeting row; for the routes and the demo loader alike. */
export async function insertMeeting(tx: Tx, input: MeetingInput, at: Date): Promise<string> {
  const [row] = await tx
    .insert(meetings)
    .values({
      title: input.title,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      place: input.place,
      notes: input.notes,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: meetings.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function createMeeting(
  ctx: AppContext,
  user: Principal,
  input: MeetingInput,
  meta: RequestMeta,
): Promise<MeetingDetail> {
  requireManager(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const id = await insertMeeting(tx, input, at);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "meeting.created",
      targetType: "meeting",
      targetId: id,
      details: { startsOn: input.startsOn },
    });
    return detail(tx, id);
  }, actorOf(user));
}

/**
 * A Party's delegate names a Party of the directory; an observer's a State that is no Party
 * (a real ISO 3166 code); an organisation's delegate names no country.
 */
async function checkCountry(tx: Tx, input: RegistrationInput): Promise<string | null> {
  if (input.kind === "organisation") return input.country ?? null;
  const code = input.country as string;
  const party = await findPartyByIso2(tx, code);
  if (input.kind === "party" && party?.status !== "party") {
    throw badRequest("not_a_party", `${code} is not a Party in the directory.`, [
      { path: "country", message: "Not a Party" },
    ]);
  }
  if (input.kind === "observer") {
    if (party?.status === "party") {
      throw badRequest("is_a_party", `${code} is a Party: register its delegate as a Party's.`, [
        { path: "country", message: "This State is a Party" },
      ]);
    }
    if (!countries.isValid(code)) {
      throw badRequest("unknown_country", `${code} is no ISO 3166 country code.`, [
        { path: "country", message: "Unknown country" },
      ]);
    }
  }
  return code;
}

/** Writes one registration after its checks; for the routes and the demo loader alike. */
export async function insertRegistration(
  tx: Tx,
  meetingId: string,
  input: RegistrationInput,
  at: Date,
): Promise<string> {
  const country = await checkCountry(tx, input);
  const [row] = await tx
    .insert(meetingRegistrations)
    .values({
      meetingId,
      name: input.name,
      email: input.email ?? null,
      kind: input.kind,
      country,
      organisation: input.kind === "organisation" ? input.organisation : null,
      mode: input.mode,
      status: input.status,
      attended: input.attended,
      invitedAt: at,
      updatedAt: at,
    })
    .returning({ id: meetingRegistrations.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function addRegistration(
  ctx: AppContext,
  user: Principal,
  meetingId: string,
  input: RegistrationInput,
  meta: RequestMeta,
): Promise<MeetingDetail> {
  requireManager(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const [m] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId));
    if (!m) throw notFound(NOT_FOUND);
    const id = await insertRegistration(tx, meetingId, input, at);
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "meeting.delegate_invited",
      targetType: "meeting",
      targetId: meetingId,
      details: { registration: id, kind: input.kind, country: input.country ?? null },
    });
    return detail(tx, meetingId);
  }, actorOf(user));
}

/** Registered, declined, in person or online, present or not; a delegate who did not register cannot attend. */
export async function updateRegistration(
  ctx: AppContext,
  user: Principal,
  meetingId: string,
  registrationId: string,
  input: AttendanceInput,
  meta: RequestMeta,
): Promise<MeetingDetail> {
  requireManager(user);
  const at = ctx.clock.now();
  return ctx.db.tx(async (tx) => {
    const [r] = await tx
      .select()
      .from(meetingRegistrations)
      .where(and(eq(meetingRegistrations.id, registrationId), eq(meetingRegistrations.meetingId, meetingId)))
      .for("update");
    if (!r) throw notFound("No such delegate at this meeting.");
    const status = input.status ?? r.status;
    const attended = input.attended ?? (status === "registered" ? r.attended : false);
    if (attended && status !== "registered") {
      throw badRequest("not_registered", "Only a registered delegate can attend.", [
        { path: "attended", message: "Register the delegate first" },
      ]);
    }
    await tx
      .update(meetingRegistrations)
      .set({ status, attended, mode: input.mode ?? r.mode, updatedAt: at })
      .where(eq(meetingRegistrations.id, registrationId));
    await appendAudit(tx, at, auditWho(user, meta), {
      action: "meeting.registration_updated",
      targetType: "meeting",
      targetId: meetingId,
      details: { registration: registrationId, status, attended },
    });
    return detail(tx, meetingId);
  }, actorOf(user));
}
