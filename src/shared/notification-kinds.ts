import { z } from "zod";
import type { Role } from "./auth";

/**
 * The one catalogue of notification kinds, read by the server (who gets what, through which
 * channel) and the web client (the preferences table). A kind states:
 *
 * - `urgency`: "emergency" kinds always reach the user at once, in-app and by e-mail, whatever
 *   their preferences and quiet hours; "normal" kinds follow the user's choices. A single call to
 *   notify() may raise a normal kind to an emergency (an urgent request);
 * - `mayBeEmergency`: such a kind, so the settings page can say that urgent ones always come through;
 * - `defaults`: the channels used until the user chooses otherwise;
 * - `audience`: the roles that receive it, so a user is only asked about what can reach them.
 */

export const URGENCIES = ["normal", "emergency"] as const;
export const Urgency = z.enum(URGENCIES);
export type Urgency = z.infer<typeof Urgency>;

export type ChannelChoice = { inApp: boolean; email: boolean };

type KindSpec = {
  urgency: Urgency;
  mayBeEmergency?: boolean;
  defaults: ChannelChoice;
  audience: readonly Role[];
};

const MEMBERS = ["party_admin", "officer"] as const satisfies readonly Role[];

export const NOTIFICATION_KINDS = {
  "directory.release_published": {
    urgency: "normal",
    defaults: { inApp: true, email: true },
    audience: ["secretariat", "party_admin", "officer", "observer"],
  },
  /** The MLA and extradition authorities directory: not observers', like the directory itself. */
  "authorities.release_published": {
    urgency: "normal",
    defaults: { inApp: true, email: true },
    audience: ["secretariat", "party_admin", "officer"],
  },
  "directory.proposal_submitted": {
    urgency: "normal",
    defaults: { inApp: true, email: true },
    audience: ["secretariat"],
  },
  "directory.proposal_reviewed": { urgency: "normal", defaults: { inApp: true, email: true }, audience: MEMBERS },
  "directory.reminder": { urgency: "normal", defaults: { inApp: true, email: true }, audience: MEMBERS },
  "directory.key_expiring": { urgency: "normal", defaults: { inApp: true, email: true }, audience: ["party_admin"] },
  /** A request from another contact point; an urgent one is sent as an emergency. */
  "request.received": {
    urgency: "normal",
    mayBeEmergency: true,
    defaults: { inApp: true, email: true },
    audience: MEMBERS,
  },
  "request.reminder": {
    urgency: "normal",
    mayBeEmergency: true,
    defaults: { inApp: true, email: true },
    audience: MEMBERS,
  },
  "request.escalated": {
    urgency: "normal",
    mayBeEmergency: true,
    defaults: { inApp: true, email: true },
    audience: MEMBERS,
  },
  "request.not_acknowledged": {
    urgency: "normal",
    defaults: { inApp: true, email: false },
    audience: MEMBERS,
  },
  "request.state_changed": {
    urgency: "normal",
    defaults: { inApp: true, email: true },
    audience: MEMBERS,
  },
  "request.message": {
    urgency: "normal",
    defaults: { inApp: true, email: true },
    audience: MEMBERS,
  },
  /** The sender corrected the form of a request sent to the Party (SAP Art. 14(3)). */
  "request.corrected": {
    urgency: "normal",
    defaults: { inApp: true, email: true },
    audience: MEMBERS,
  },
  "request.feedback": {
    urgency: "normal",
    defaults: { inApp: true, email: false },
    audience: MEMBERS,
  },
  "request.preservation_expiring": {
    urgency: "normal",
    defaults: { inApp: true, email: true },
    audience: MEMBERS,
  },
  /** The requested Party asks to pass data received on to a third State or organisation (SAP Art. 14(10)). */
  "request.onward_transfer_asked": {
    urgency: "normal",
    defaults: { inApp: true, email: true },
    audience: MEMBERS,
  },
  "request.onward_transfer_decided": {
    urgency: "normal",
    defaults: { inApp: true, email: true },
    audience: MEMBERS,
  },
  /** A Party admin made you a handler of a request (its number only). */
  "request.assigned": {
    urgency: "normal",
    defaults: { inApp: true, email: false },
    audience: MEMBERS,
  },

  /**
   * A data-security incident affecting the Party (SAP Art. 14(7)): the Party must be told promptly,
   * so it comes through at once whatever the preferences.
   */
  "incident.recorded": { urgency: "emergency", defaults: { inApp: true, email: true }, audience: MEMBERS },
  "incident.updated": { urgency: "normal", defaults: { inApp: true, email: true }, audience: MEMBERS },
  /** One Party suspended transfers to another, or resumed them (SAP Art. 14(15)): both Parties' admins. */
  "transfers.suspended": { urgency: "normal", defaults: { inApp: true, email: true }, audience: ["party_admin"] },
  "transfers.resumed": { urgency: "normal", defaults: { inApp: true, email: true }, audience: ["party_admin"] },

  /** The Secretariat asks the Party to give or complete its Art. 27 / Art. 24 authorities (and reminds it). */
  "authorities.input_requested": { urgency: "normal", defaults: { inApp: true, email: true }, audience: MEMBERS },

  /** A ping test measures how fast a contact point answers: it is to be answered at once. */
  "ping.received": { urgency: "emergency", defaults: { inApp: true, email: true }, audience: MEMBERS },
  /**
   * Not an account's notification: the e-mail with a one-time acknowledgement link that a ping test
   * sends to each address of a contact point (and again as a reminder). No user chooses it.
   */
  "ping.acknowledge": { urgency: "emergency", defaults: { inApp: false, email: true }, audience: [] },
} as const satisfies Record<string, KindSpec>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

export function kindSpec(kind: NotificationKind): KindSpec {
  return NOTIFICATION_KINDS[kind];
}

export function isNotificationKind(value: string): value is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, value);
}

/** The kinds that can reach a user of this role, in catalogue order. */
export function kindsFor(role: Role): NotificationKind[] {
  return NOTIFICATION_KIND_NAMES.filter((k) => (kindSpec(k).audience as readonly Role[]).includes(role));
}

export const NotificationKindName = z.string().refine(isNotificationKind, { message: "Unknown notification kind" });

/** "HH:MM", 24-hour clock, in the user's own time zone. */
export const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Use a 24-hour time from 00:00 to 23:59, such as 22:00" });

export const QuietHours = z
  .object({ start: LocalTime, end: LocalTime })
  .refine((q) => q.start !== q.end, { message: "Quiet hours must end at another time than they start", path: ["end"] });
export type QuietHours = z.infer<typeof QuietHours>;

export const ChannelPreference = z.object({
  kind: NotificationKindName,
  inApp: z.boolean(),
  email: z.boolean(),
});

/**
 * A whole new set of preferences (PUT): kinds left out go back to their defaults. Emergency kinds
 * may be listed (the page sends every row) but only switched on.
 */
export const NotificationPreferencesInput = z
  .object({
    channels: z.array(ChannelPreference).max(NOTIFICATION_KIND_NAMES.length),
    quietHours: QuietHours.nullable(),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.channels.forEach((c, i) => {
      if (seen.has(c.kind)) ctx.addIssue({ code: "custom", path: ["channels", i, "kind"], message: "Listed twice" });
      seen.add(c.kind);
      if (isNotificationKind(c.kind) && kindSpec(c.kind).urgency === "emergency" && !(c.inApp && c.email)) {
        ctx.addIssue({
          code: "custom",
          path: ["channels", i],
          message: "Emergency notifications cannot be switched off",
        });
      }
    });
  });
export type NotificationPreferencesInput = z.infer<typeof NotificationPreferencesInput>;

export const NotificationPreferenceRow = z.object({
  kind: z.string(),
  urgency: Urgency,
  /** Emergency kinds: shown switched on and locked. */
  locked: z.boolean(),
  mayBeEmergency: z.boolean(),
  inApp: z.boolean(),
  email: z.boolean(),
});
export type NotificationPreferenceRow = z.infer<typeof NotificationPreferenceRow>;

export const NotificationPreferences = z.object({
  /** The kinds that can reach this user. */
  channels: z.array(NotificationPreferenceRow),
  quietHours: QuietHours.nullable(),
  /** Quiet hours are read in this zone (the user's own preference). */
  timeZone: z.string(),
  /** False when this server sends no e-mail at all: the page says so. */
  emailAvailable: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;
