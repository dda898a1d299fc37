import type { ApiTokenScope } from "../../shared/api-tokens";
import type { Role } from "../../shared/auth";

/**
 * The one place that decides who may do what. Routes and the UI ask here; the UI receives the
 * resulting permission list and never guesses from the role.
 */
export const PERMISSIONS = [
  "directory.read",
  /** Download, compare and verify releases (the whole directory): members, not observers. */
  "directory.releases",
  /** Propose changes to one's own Party's entries (reviewed by the Secretariat). */
  "directory.propose",
  /** Edit any entry directly, review proposals, publish releases, import, remind Parties. */
  "directory.manage",
  "requests.read",
  "requests.write",
  /**
   * Oversee a Party's requests (a Party admin): assign and unassign its officers, see the lines of
   * its sensitive requests and open them after giving a purpose.
   */
  "requests.assign",
  "pings.manage",
  "pings.answer",
  /** The directory of mutual assistance and extradition authorities (Art. 27, Art. 24): Parties only. */
  "authorities.read",
  /** Answer the authorities collection form for one's own Party (the use case checks it is theirs). */
  "authorities.submit",
  /** Record declarations, answer for any Party, run collection campaigns, publish releases. */
  "authorities.manage",
  /**
   * The Network's figures: the Secretariat all of them; a Party's officers and admins their own
   * Party's and the Network's aggregates (statistics/access.ts decides which rows).
   */
  "stats.read",
  /** Annual meetings, capacity-building activities and the plenary report: the Secretariat. */
  "plenary.manage",
  "admin.users",
  /** A Party's webhooks for its national system (its own Party only). */
  "webhooks.manage",
  /** A Party's API tokens for its national systems (its own Party only). */
  "apiTokens.manage",
  "audit.read",
  /** The state of this deployment's e-mail (SMTP server, outbox): the Secretariat runs the service. */
  "system.status",
  /** See how long each request type's content is kept (Art. 14(5)): the Secretariat and Party admins. */
  "retention.read",
  /** Change those periods: the Secretariat only, for the whole Network. */
  "retention.manage",
  /** Data-security incidents (SAP Art. 14(7)): a Party's members read those affecting their Party. */
  "incidents.read",
  /** Record incidents, update and close them, tell the affected Parties: the Secretariat. */
  "incidents.manage",
  /** See the suspensions of transfers (SAP Art. 14(15)) between one's Party and others. */
  "transfers.read",
  /** Suspend or resume transfers: a Party admin for its own Party, the Secretariat on a Party's behalf. */
  "transfers.suspend",
  /**
   * A data-protection copy of one request, or of every request naming a person (SAP Art. 14(11–12)):
   * legal basis, purpose, retention, recipients, who accessed it. A Party admin and its auditor.
   */
  "dataProtection.copies",
  /** The Party's data-protection report for a period (counts only): a Party admin and its auditor. */
  "dataProtection.report",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const BY_ROLE: Record<Role, readonly Permission[]> = {
  secretariat: [
    "directory.read",
    "directory.releases",
    "directory.manage",
    "pings.manage",
    "authorities.read",
    "authorities.manage",
    "stats.read",
    "plenary.manage",
    "admin.users",
    "audit.read",
    "system.status",
    "retention.read",
    "retention.manage",
    "incidents.read",
    "incidents.manage",
    "transfers.read",
    "transfers.suspend",
  ],
  party_admin: [
    "directory.read",
    "directory.releases",
    "directory.propose",
    "requests.read",
    "requests.write",
    "requests.assign",
    "pings.answer",
    "authorities.read",
    "authorities.submit",
    "stats.read",
    "admin.users",
    "webhooks.manage",
    "apiTokens.manage",
    "audit.read",
    "retention.read",
    "incidents.read",
    "transfers.read",
    "transfers.suspend",
    "dataProtection.copies",
    "dataProtection.report",
  ],
  officer: [
    "directory.read",
    "directory.releases",
    "directory.propose",
    "requests.read",
    "requests.write",
    "pings.answer",
    "authorities.read",
    "authorities.submit",
    "stats.read",
    "incidents.read",
    "transfers.read",
  ],
  // Observers (States invited to accede) see only what the Secretariat shares with them; no
  // requests, no authorities; the directory module filters what they read to the shared entries.
  // No statistics either: the figures are about the Parties' requests and contact points, which
  // the Secretariat shares with observers only through what it chooses to present (the plenary).
  observer: ["directory.read"],
  // A Party's independent supervisory authority (SAP Art. 14(13–14)): reads what the Party's
  // admin reads about its data, and the requests themselves (each read audited), but holds no
  // permission that changes anything. Least privilege: no releases, authorities or statistics.
  auditor: [
    "directory.read",
    "requests.read",
    "audit.read",
    "retention.read",
    "incidents.read",
    "transfers.read",
    "dataProtection.copies",
    "dataProtection.report",
  ],
};

/**
 * The most each API token scope allows. A token acts as an officer of its Party, narrowed to the
 * permissions of its scopes: it can never propose, manage or administer anything.
 */
const BY_SCOPE: Record<ApiTokenScope, readonly Permission[]> = {
  "directory:read": ["directory.read", "directory.releases"],
  "requests:read": ["requests.read"],
  "requests:write": ["requests.write"],
};

/** A user, or an API token (which has `scopes`, and the role its rights derive from). */
export type Subject = { id: string; role: Role; partyId: string | null; scopes?: readonly ApiTokenScope[] };

export function permissionsFor(subject: Subject): Permission[] {
  return BY_ROLE[subject.role].filter((permission) => can(subject, permission));
}

export function can(subject: Subject, permission: Permission): boolean {
  if (!BY_ROLE[subject.role].includes(permission)) return false;
  return subject.scopes === undefined || subject.scopes.some((scope) => BY_SCOPE[scope].includes(permission));
}

/** Managing accounts: the Secretariat manages everyone; a Party admin only its own Party's users. */
export function canManageUser(subject: Subject, target: { partyId: string | null; role: Role }): boolean {
  if (subject.role === "secretariat") return true;
  if (subject.role !== "party_admin") return false;
  return target.partyId !== null && target.partyId === subject.partyId && target.role !== "secretariat";
}

/** Whose entries a caller may change: a Party's members their own; the Secretariat any, directly. */
export function canProposeFor(subject: Subject, partyId: string): boolean {
  return can(subject, "directory.propose") && subject.partyId === partyId;
}

/** Whose authorities a caller may answer for: a Party's admins and officers their own; the Secretariat any. */
export function canSubmitAuthoritiesFor(subject: Subject, partyId: string): boolean {
  if (can(subject, "authorities.manage")) return true;
  return can(subject, "authorities.submit") && subject.partyId === partyId;
}

/** Whose transfers a caller may suspend: a Party admin its own Party's, the Secretariat any Party's. */
export function canSuspendFor(subject: Subject, partyId: string): boolean {
  if (!can(subject, "transfers.suspend")) return false;
  return subject.role === "secretariat" || subject.partyId === partyId;
}

/**
 * Who may see a sensitive request they do not handle (its line in lists; its content after giving
 * a purpose): the admins of its Parties, who must be able to assign someone to it.
 */
export function overseesRequests(subject: Subject): boolean {
  return can(subject, "requests.assign");
}

/**
 * Who may know that a sensitive request exists without handling it (SAP Art. 14(4)): the Parties'
 * admins, to assign someone, and the Party's auditor, whose oversight covers those requests too
 * (Art. 14(13–14)). Both still state a purpose before opening one.
 */
export function seesSensitive(subject: Subject): boolean {
  return overseesRequests(subject) || (subject.role === "auditor" && can(subject, "requests.read"));
}

/** Observers read only the entries the Secretariat shared with them. */
export function readsSharedEntriesOnly(subject: Subject): boolean {
  return subject.role === "observer";
}

/**
 * Whose figures the statistics show a caller: the Secretariat every Party's; a Party's officers and
 * admins their own Party's rows beside the Network's aggregates; anyone else none (observers and
 * auditors hold no stats.read).
 */
export function statisticsScope(subject: Subject): "network" | "party" | null {
  if (!can(subject, "stats.read")) return null;
  if (subject.role === "secretariat") return "network";
  return subject.partyId ? "party" : null;
}
