import { z } from "zod";
import { Email, Locale, NewPassword, Role, TimeZone } from "./auth";
import { Iso2 } from "./directory";

/**
 * User accounts, managed in Vigil by the Secretariat (every account) and by each Party's
 * administrators (their own Party's officers and administrators). A new account gets an
 * invitation by e-mail: a one-time link, valid 7 days, to choose a password; the authenticator is
 * set up at the first sign-in. Shared by the server's routes and the web forms.
 */

export const INVITATION_DAYS = 7;

export const AccountInput = z.object({
  email: Email,
  displayName: z.string().trim().min(1, "Give the person's name").max(120),
  role: Role,
  /** The Party's ISO code; the Secretariat names it, a Party admin's accounts are its own Party's. */
  party: Iso2.nullable().optional(),
  locale: Locale.default("en"),
  timeZone: TimeZone.default("UTC"),
});
export type AccountInput = z.infer<typeof AccountInput>;
export type AccountInputRaw = z.input<typeof AccountInput>;

export const AccountChange = z
  .object({
    role: Role.optional(),
    /** true disables the account (its sessions end at once), false enables it again. */
    disabled: z.boolean().optional(),
  })
  .refine((v) => v.role !== undefined || v.disabled !== undefined, { message: "Nothing to change" });
export type AccountChange = z.infer<typeof AccountChange>;

export const ACCOUNT_STATUSES = ["invited", "active", "locked", "disabled"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const Account = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  party: z.string().nullable(),
  status: z.enum(ACCOUNT_STATUSES),
  /** The second factors set up: an authenticator, and how many security keys. */
  authenticator: z.boolean(),
  securityKeys: z.number().int(),
  /** Until when the last invitation can be used, while it is unused. */
  invitationExpiresAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type Account = z.infer<typeof Account>;

export const AccountList = z.object({
  items: z.array(Account),
  /** The roles this caller may give (the form offers only these). */
  assignableRoles: z.array(Role),
  /** The Secretariat chooses the Party; a Party admin's accounts are its own Party's. */
  choosesParty: z.boolean(),
});
export type AccountList = z.infer<typeof AccountList>;

export const AccountListQuery = z.object({ party: Iso2.optional() });

/** What the invitation page may show before the password is chosen: nothing secret. */
export const InvitationStatus = z.object({
  status: z.enum(["valid", "expired", "used", "unknown"]),
  email: z.string().nullable(),
  displayName: z.string().nullable(),
});
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const AcceptInvitationBody = z
  .object({ password: NewPassword, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { message: "The two passwords differ", path: ["confirm"] });
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>;

/** The link's secret: 43 base64url characters (256 bits). Anything else is refused unread. */
export const InvitationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Not an invitation link");
