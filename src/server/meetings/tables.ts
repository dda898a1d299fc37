import { boolean, date, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ATTENDANCE_MODES, PARTICIPANT_KINDS, REGISTRATION_STATUSES } from "../../shared/plenary";
import { tstz } from "../db/columns";

export const participantKind = pgEnum("meeting_participant_kind", PARTICIPANT_KINDS);
export const attendanceMode = pgEnum("meeting_attendance_mode", ATTENDANCE_MODES);
export const registrationStatus = pgEnum("meeting_registration_status", REGISTRATION_STATUSES);

/** An annual meeting of the Network (the Secretariat organises it; issue 9). */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    title: text("title").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }),
    place: text("place").notNull(),
    notes: text("notes"),
    createdAt: tstz("created_at").notNull(),
    updatedAt: tstz("updated_at").notNull(),
  },
  (t) => [index("meetings_starts_on_idx").on(t.startsOn)],
);

/**
 * One delegate: invited, registered (in person or online) or declined, and whether they came.
 * The report counts those who attended; the country says which State they represent, the kind
 * whether as a Party, an observer, or for an international organisation (then `organisation`).
 */
export const meetingRegistrations = pgTable(
  "meeting_registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email"),
    kind: participantKind("kind").notNull(),
    country: text("country"),
    organisation: text("organisation"),
    mode: attendanceMode("mode").notNull().default("in_person"),
    status: registrationStatus("status").notNull().default("invited"),
    attended: boolean("attended").notNull().default(false),
    invitedAt: tstz("invited_at").notNull(),
    updatedAt: tstz("updated_at").notNull(),
  },
  (t) => [index("meeting_registrations_meeting_idx").on(t.meetingId)],
);
