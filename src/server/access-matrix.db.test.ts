import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { testContext } from "../../test/harness/context";
import { testDatabase } from "../../test/harness/db";
import { makeParty } from "../../test/harness/factories";
import { routeFixtures } from "../../test/harness/fixtures";
import { signedIn, TestClient } from "../../test/harness/http";
import { createApiToken } from "./api-tokens/api-tokens";
import { buildApp } from "./app";
import type { UserRow } from "./auth/users";
import { ManualClock } from "./clock";
import type { AppContext } from "./context";
import { SYSTEM_ACTOR } from "./db/database";
import { loadDemoNetwork } from "./demo/seed";
import { SESSION_COOKIE } from "./http/guard";
import { createCampaign } from "./pings/campaigns";
import { pingRecipients, pingTargets } from "./pings/tables";
import { open } from "./vault/keyring";

/**
 * The access matrix (issue 6): every operation of the OpenAPI document, called by every kind of
 * caller, answers the status declared here. A route added without a row, or a row whose route is
 * gone, fails the test. Bodies are empty (`{}`): an authorised caller then typically gets 400,
 * which shows it passed the guard (guards run on onRequest, before validation), while a refused
 * one gets 401/403, or 404 where the object belongs to another Party.
 *
 * Fixtures: Party A = Chile (CL), Party B = Romania (RO) from the demo network; A's officer has
 * sent a legal question to B with an attachment; A has an API token, a webhook, a calendar feed,
 * and an incident names A. The observer belongs to its own Party (observers are States invited to
 * accede). Path parameters with no fixture get a random uuid.
 */

const ROLES = ["anonymous", "observer", "officerA", "adminA", "officerB", "secretariat"] as const;
type RoleName = (typeof ROLES)[number];
type Row = Record<RoleName, number>;

/** Shorthands for rows that recur. */
const row = (
  anonymous: number,
  observer: number,
  officerA: number,
  adminA: number,
  officerB: number,
  secretariat: number,
): Row => ({
  anonymous,
  observer,
  officerA,
  adminA,
  officerB,
  secretariat,
});

//                                                       anon observer officerA adminA officerB secretariat
// Review notes: the Secretariat never reads a request's content (403); officer B is the requested
// Party of A's request (200), but gets 404 for A's incident; /calendar/{file} is public because the
// secret file name is the credential; POST /api/demo/clock answers 404 before reading the body
// unless a demo server was started with VIGIL_CLOCK_CONTROL (then anyone may move it);
// /api/dev/mailbox is on because mail goes to the mailbox here (each user sees their own mail).
// Proposing and withdrawing need directory.propose at the gate (a Party's own users); that it is
// their own Party is the use case's check.
// Need to know inside a Party: A's request is handled by A's officer, who sent it, so A's admin
// is asked for a purpose (403 purpose_required) before anything of it, receipts and draft deletion
// included; B's officer is of the side with no handler yet, so she acts at once. An empty body on
// /assignments is "take it": A's officer already handles it (200, nothing changes), B's takes it.
// Removing a handler is a Party admin's (requests.assign at the gate), and A's admin must give a
// purpose first; the purpose route itself answers 400 to an empty body for both Parties.
// their own Party is the use case's check. Ping tests are the Secretariat's; a Party's officers and
// admins answer for their own Party's contact points (A's officer answers first, so A's admin then
// gets 409 and B's officer 404); the acknowledgement link is public (the link is the credential).
const MATRIX: Record<string, Row> = {
  "GET /api/admin/mail-status": row(401, 403, 403, 403, 403, 200),
  "GET /api/admin/retention": row(401, 403, 403, 200, 403, 200),
  "GET /api/admin/users": row(401, 403, 403, 200, 403, 200),
  // The invitation link's token is its own credential: anyone may present one. The fixture's {token}
  // (a ping test's) is well formed but no invitation: "unknown", recording nothing; an empty body is 400.
  "GET /api/invitations/{token}": row(200, 200, 200, 200, 200, 200),
  "POST /api/invitations/{token}": row(400, 400, 400, 400, 400, 400),
  "POST /api/admin/users": row(401, 403, 403, 400, 403, 400),
  "PATCH /api/admin/users/{id}": row(401, 403, 403, 400, 403, 400),
  "POST /api/admin/users/{id}/reset": row(401, 403, 403, 404, 403, 404),
  "GET /api/api-tokens": row(401, 403, 403, 200, 403, 403),
  "GET /api/audit/access-log": row(401, 403, 403, 200, 403, 403),
  // The authorities directory (Art. 27, Art. 24) is the Parties': observers and auditors get 403 on
  // every route. Members read it; a Party answers for itself (an empty body is 400 for anyone past
  // the gate); the Secretariat records declarations, runs the campaign ({} starts one: 201) and publishes.
  "GET /api/authorities": row(401, 403, 200, 200, 200, 200),
  "GET /api/authorities/parties/{iso2}": row(401, 403, 200, 200, 200, 200),
  "GET /api/authorities/progress": row(401, 403, 403, 403, 403, 200),
  "GET /api/authorities/releases": row(401, 403, 200, 200, 200, 200),
  "GET /api/authorities/releases/{version}/export": row(401, 403, 400, 400, 400, 400),
  "POST /api/authorities/campaigns": row(401, 403, 403, 403, 403, 201),
  "POST /api/authorities/campaigns/{id}/remind": row(401, 403, 403, 403, 403, 404),
  "POST /api/authorities/releases": row(401, 403, 403, 403, 403, 400),
  "PUT /api/authorities/parties/{iso2}/submission": row(401, 403, 400, 400, 400, 400),
  "PUT /api/authorities/parties/{iso2}/declarations/{role}": row(401, 403, 403, 403, 403, 400),
  "GET /api/auth/session": row(401, 200, 200, 200, 200, 200),
  "GET /api/auth/totp/enrolment": row(401, 409, 409, 409, 409, 409),
  "GET /api/data-protection/person-copies": row(401, 403, 403, 400, 403, 403),
  "GET /api/data-protection/report": row(401, 403, 403, 200, 403, 403),
  "GET /api/data-protection/report/export": row(401, 403, 403, 200, 403, 403),
  "GET /api/data-protection/requests/{id}/copy": row(401, 403, 403, 200, 403, 403),
  "GET /api/dev/mailbox": row(401, 200, 200, 200, 200, 200),
  "GET /api/directory/compare": row(401, 403, 200, 200, 200, 200),
  "GET /api/directory/completeness": row(401, 403, 403, 403, 403, 200),
  "GET /api/directory/parties": row(401, 200, 200, 200, 200, 200),
  "GET /api/directory/parties/{iso2}": row(401, 200, 200, 200, 200, 200),
  "GET /api/directory/proposals": row(401, 403, 200, 200, 200, 200),
  "GET /api/directory/releases": row(401, 403, 200, 200, 200, 200),
  "GET /api/directory/releases/{version}/export": row(401, 403, 400, 400, 400, 400),
  "GET /api/directory/releases/{version}/signature": row(401, 403, 404, 404, 404, 404),
  "GET /api/directory/releases/latest": row(401, 403, 404, 404, 404, 404),
  "GET /api/directory/schema.json": row(401, 200, 200, 200, 200, 200),
  "GET /api/directory/search": row(401, 200, 200, 200, 200, 200),
  "GET /api/directory/signing-key": row(401, 403, 200, 200, 200, 200),
  "GET /api/events": row(401, 200, 200, 200, 200, 200),
  "GET /api/incidents": row(401, 403, 200, 200, 200, 200),
  "GET /api/incidents/{id}": row(401, 403, 200, 200, 404, 200),
  "GET /api/me/calendar": row(401, 403, 200, 200, 200, 403),
  "GET /api/me/notification-preferences": row(401, 200, 200, 200, 200, 200),
  "GET /api/me/security-keys": row(401, 200, 200, 200, 200, 200),
  "GET /api/notifications": row(401, 200, 200, 200, 200, 200),
  "GET /api/pings": row(401, 403, 403, 403, 403, 200),
  "GET /api/pings/{id}": row(401, 403, 403, 403, 403, 200),
  "GET /api/pings/{id}/report": row(401, 403, 403, 403, 403, 200),
  "GET /api/pings/{id}/report/export": row(401, 403, 403, 403, 403, 400),
  "GET /api/pings/ack/{token}": row(200, 200, 200, 200, 200, 200),
  "GET /api/pings/open": row(401, 403, 200, 200, 200, 403),
  "GET /api/pings/parties/{iso2}/history": row(401, 403, 403, 403, 403, 200),
  "GET /api/pings/trend": row(401, 403, 403, 403, 403, 200),
  "GET /api/requests": row(401, 403, 200, 200, 200, 403),
  "GET /api/requests/{id}": row(401, 403, 200, 403, 200, 403),
  "GET /api/requests/{id}/attachments/{attachmentId}": row(401, 403, 200, 403, 200, 403),
  "GET /api/requests/{id}/document": row(401, 403, 200, 403, 200, 403),
  "GET /api/requests/{id}/onward-transfers": row(401, 403, 200, 403, 200, 403),
  "GET /api/requests/{id}/onward-transfers/check": row(401, 403, 400, 400, 400, 403),
  "GET /api/requests/{id}/receipts/{eventId}": row(401, 403, 404, 403, 404, 403),
  "GET /api/requests/overview": row(401, 403, 200, 200, 200, 200),
  "GET /api/requests/route": row(401, 403, 400, 400, 400, 403),
  "GET /api/transfer-suspensions": row(401, 403, 200, 200, 200, 200),
  "GET /api/webhooks": row(401, 403, 403, 200, 403, 403),
  "GET /api/webhooks/{id}/deliveries": row(401, 403, 403, 200, 403, 403),
  "GET /calendar/{file}": row(200, 200, 200, 200, 200, 200),
  // Operations (ops/routes.ts): no session needed. /ready is 503 here because this app runs no job
  // queue; /metrics answers these callers because inject() comes from loopback without a proxy.
  "GET /health": row(200, 200, 200, 200, 200, 200),
  "GET /ready": row(503, 503, 503, 503, 503, 503),
  "GET /metrics": row(200, 200, 200, 200, 200, 200),
  "POST /api/admin/mail-status/check": row(401, 403, 403, 403, 403, 200),
  "POST /api/api-tokens": row(401, 403, 403, 400, 403, 403),
  "POST /api/api-tokens/{id}/revoke": row(401, 403, 403, 200, 403, 403),
  "POST /api/auth/reauth": row(401, 400, 400, 400, 400, 400),
  "POST /api/auth/security-key": row(401, 409, 409, 409, 409, 409),
  "POST /api/auth/security-key/options": row(401, 409, 409, 409, 409, 409),
  "POST /api/auth/sign-in": row(400, 400, 400, 400, 400, 400),
  "POST /api/auth/totp": row(401, 409, 409, 409, 409, 409),
  "POST /api/auth/totp/enrolment": row(401, 409, 409, 409, 409, 409),
  "POST /api/demo/clock": row(404, 404, 404, 404, 404, 404),
  "POST /api/directory/import/apply": row(401, 403, 403, 403, 403, 400),
  "POST /api/directory/import/preview": row(401, 403, 403, 403, 403, 400),
  "POST /api/directory/parties/{iso2}/confirm": row(401, 403, 200, 200, 403, 200),
  "POST /api/directory/parties/{iso2}/contact-points": row(401, 403, 403, 403, 403, 400),
  "POST /api/directory/parties/{iso2}/proposals": row(401, 403, 400, 400, 400, 403),
  "POST /api/directory/parties/{iso2}/remind": row(401, 403, 403, 403, 403, 200),
  "POST /api/directory/proposals/{id}/review": row(401, 403, 403, 403, 403, 400),
  "POST /api/directory/proposals/{id}/withdraw": row(401, 403, 404, 404, 404, 403),
  "POST /api/directory/releases": row(401, 403, 403, 403, 403, 400),
  "POST /api/incidents": row(401, 403, 403, 403, 403, 400),
  "POST /api/incidents/{id}/updates": row(401, 403, 403, 403, 403, 400),
  "POST /api/me/calendar/rotate": row(401, 403, 200, 200, 200, 403),
  "POST /api/me/security-keys": row(401, 400, 400, 400, 400, 400),
  "POST /api/me/security-keys/options": row(401, 200, 200, 200, 200, 200),
  "POST /api/notifications/{id}/read": row(401, 204, 204, 204, 204, 204),
  "POST /api/notifications/read-all": row(401, 204, 204, 204, 204, 204),
  "POST /api/pings": row(401, 403, 403, 403, 403, 400),
  "POST /api/pings/{id}/answers": row(401, 403, 403, 403, 403, 400),
  "POST /api/pings/{id}/close": row(401, 403, 403, 403, 403, 200),
  "POST /api/pings/ack/{token}": row(400, 400, 400, 400, 400, 400),
  "POST /api/pings/preview": row(401, 403, 403, 403, 403, 200),
  "POST /api/pings/targets/{id}/acknowledge": row(401, 403, 200, 409, 404, 403),
  "POST /api/receipts/verify": row(401, 403, 400, 400, 400, 403),
  "POST /api/requests": row(401, 403, 400, 400, 400, 403),
  "POST /api/requests/{id}/assignments": row(401, 403, 200, 403, 200, 403),
  "POST /api/requests/{id}/attachments": row(401, 403, 400, 400, 400, 403),
  "POST /api/requests/{id}/corrections": row(401, 403, 400, 400, 400, 403),
  "POST /api/requests/{id}/feedback": row(401, 403, 400, 400, 400, 403),
  "POST /api/requests/{id}/messages": row(401, 403, 400, 400, 400, 403),
  "POST /api/requests/{id}/onward-transfers": row(401, 403, 400, 400, 400, 403),
  "POST /api/requests/{id}/purpose": row(401, 403, 400, 400, 400, 403),
  "POST /api/requests/{id}/onward-transfers/{onwardId}/decision": row(401, 403, 400, 400, 400, 403),
  "POST /api/requests/{id}/send": row(401, 403, 400, 400, 400, 403),
  "POST /api/requests/{id}/transitions": row(401, 403, 400, 400, 400, 403),
  "POST /api/transfer-suspensions": row(401, 403, 403, 400, 403, 400),
  "POST /api/transfer-suspensions/{id}/lift": row(401, 403, 403, 400, 403, 400),
  "POST /api/webhooks": row(401, 403, 403, 400, 403, 403),
  "POST /api/webhooks/{id}/test": row(401, 403, 403, 202, 403, 403),
  "PATCH /api/me/preferences": row(401, 400, 400, 400, 400, 400),
  "PUT /api/admin/retention/{type}": row(401, 403, 403, 403, 403, 400),
  "PUT /api/directory/contact-points/{id}": row(401, 403, 403, 403, 403, 400),
  "PUT /api/directory/parties/{iso2}/legal-profile": row(401, 403, 403, 403, 403, 200),
  "PUT /api/me/notification-preferences": row(401, 400, 400, 400, 400, 400),
  "PUT /api/requests/{id}/draft": row(401, 403, 400, 400, 400, 403),
  "DELETE /api/directory/contact-points/{id}": row(401, 403, 403, 403, 403, 204),
  "DELETE /api/me/calendar": row(401, 403, 204, 204, 204, 403),
  "DELETE /api/me/security-keys/{id}": row(401, 404, 404, 404, 404, 404),
  "DELETE /api/requests/{id}": row(401, 403, 409, 403, 409, 403),
  "DELETE /api/requests/{id}/assignments/{userId}": row(401, 403, 403, 403, 403, 403),
  "DELETE /api/webhooks/{id}": row(401, 403, 403, 204, 403, 403),
  "POST /api/auth/sign-out": row(401, 204, 204, 204, 204, 204),
  // Issue 9: annual meetings, capacity building and the plenary report are the Secretariat's
  // (plenary.manage); the statistics are every Party member's (their own rows beside the
  // Network's aggregates) and the Secretariat's, never an observer's.
  "GET /api/capacity-building": row(401, 403, 403, 403, 403, 200),
  "POST /api/capacity-building": row(401, 403, 403, 403, 403, 400),
  "DELETE /api/capacity-building/{id}": row(401, 403, 403, 403, 403, 404),
  "GET /api/meetings": row(401, 403, 403, 403, 403, 200),
  "POST /api/meetings": row(401, 403, 403, 403, 403, 400),
  "GET /api/meetings/{id}": row(401, 403, 403, 403, 403, 404),
  "POST /api/meetings/{id}/registrations": row(401, 403, 403, 403, 403, 400),
  "PATCH /api/meetings/{id}/registrations/{registrationId}": row(401, 403, 403, 403, 403, 404),
  "GET /api/plenary/report": row(401, 403, 403, 403, 403, 400),
  "GET /api/plenary/report/export": row(401, 403, 403, 403, 403, 400),
  "GET /api/statistics/directory": row(401, 403, 200, 200, 200, 200),
  "GET /api/statistics/requests": row(401, 403, 200, 200, 200, 200),
  "GET /api/statistics/pings": row(401, 403, 200, 200, 200, 200),
  "GET /api/statistics/export": row(401, 403, 400, 400, 400, 400),
};

/**
 * The seventh caller, kept apart so that new routes' six-column rows above merge cleanly: the
 * auditor of Party B (Romania's supervisory authority, SAP Art. 14(13–14)). It reads what its
 * Party's admin reads of A's request to B (200), and every route that would change something
 * answers 403, before the body is read. What it may still do is its own session (sign out,
 * re-authenticate, preferences, security keys, marking its notifications read) and checking a
 * receipt's signature, which writes nothing. A route missing here fails the test like one missing
 * from MATRIX.
 */
const AUDITOR: Record<string, number> = {
  // Accounts are the Secretariat's and Party admins'; ping tests the Secretariat's and those who answer
  // for a contact point; an auditor reads, so it neither handles requests nor answers pings. It gives
  // a purpose before opening a request like anyone who does not handle it (400: the body is empty).
  // The public links (invitation, ping acknowledgement) answer anyone the same.
  "GET /api/admin/users": 403,
  "POST /api/admin/users": 403,
  "PATCH /api/admin/users/{id}": 403,
  "POST /api/admin/users/{id}/reset": 403,
  "GET /api/invitations/{token}": 200,
  "POST /api/invitations/{token}": 400,
  "GET /api/pings": 403,
  "GET /api/pings/{id}": 403,
  "GET /api/pings/{id}/report": 403,
  "GET /api/pings/{id}/report/export": 403,
  "GET /api/pings/ack/{token}": 200,
  "POST /api/pings/ack/{token}": 400,
  "GET /api/pings/open": 403,
  "GET /api/pings/parties/{iso2}/history": 403,
  "GET /api/pings/trend": 403,
  "POST /api/pings": 403,
  "POST /api/pings/preview": 403,
  "POST /api/pings/{id}/answers": 403,
  "POST /api/pings/{id}/close": 403,
  "POST /api/pings/targets/{id}/acknowledge": 403,
  "POST /api/requests/{id}/assignments": 403,
  "DELETE /api/requests/{id}/assignments/{userId}": 403,
  "POST /api/requests/{id}/purpose": 400,
  "GET /api/admin/mail-status": 403,
  "GET /api/admin/retention": 200,
  "GET /api/api-tokens": 403,
  "GET /api/audit/access-log": 200,
  "GET /api/authorities": 403,
  "GET /api/authorities/parties/{iso2}": 403,
  "GET /api/authorities/progress": 403,
  "GET /api/authorities/releases": 403,
  "GET /api/authorities/releases/{version}/export": 403,
  "POST /api/authorities/campaigns": 403,
  "POST /api/authorities/campaigns/{id}/remind": 403,
  "POST /api/authorities/releases": 403,
  "PUT /api/authorities/parties/{iso2}/submission": 403,
  "PUT /api/authorities/parties/{iso2}/declarations/{role}": 403,
  "GET /api/auth/session": 200,
  "GET /api/auth/totp/enrolment": 409,
  "GET /api/data-protection/person-copies": 400,
  "GET /api/data-protection/report": 200,
  "GET /api/data-protection/report/export": 200,
  "GET /api/data-protection/requests/{id}/copy": 200,
  "GET /api/dev/mailbox": 200,
  "GET /api/directory/compare": 403,
  "GET /api/directory/completeness": 403,
  "GET /api/directory/parties": 200,
  "GET /api/directory/parties/{iso2}": 200,
  "GET /api/directory/proposals": 403,
  "GET /api/directory/releases": 403,
  "GET /api/directory/releases/latest": 403,
  "GET /api/directory/releases/{version}/export": 403,
  "GET /api/directory/releases/{version}/signature": 403,
  "GET /api/directory/schema.json": 200,
  "GET /api/directory/search": 200,
  "GET /api/directory/signing-key": 403,
  "GET /api/events": 200,
  "GET /api/incidents": 200,
  "GET /api/incidents/{id}": 404,
  "GET /api/me/calendar": 403,
  "GET /api/me/notification-preferences": 200,
  "GET /api/me/security-keys": 200,
  "GET /api/notifications": 200,
  "GET /api/requests": 200,
  "GET /api/requests/overview": 403,
  "GET /api/requests/route": 400,
  "GET /api/requests/{id}": 200,
  "GET /api/requests/{id}/attachments/{attachmentId}": 200,
  "GET /api/requests/{id}/document": 200,
  "GET /api/requests/{id}/onward-transfers": 200,
  "GET /api/requests/{id}/onward-transfers/check": 400,
  "GET /api/requests/{id}/receipts/{eventId}": 404,
  "GET /api/transfer-suspensions": 200,
  "GET /api/webhooks": 403,
  "GET /api/webhooks/{id}/deliveries": 403,
  "GET /calendar/{file}": 200,
  "GET /health": 200,
  "GET /ready": 503,
  "GET /metrics": 200,
  "POST /api/admin/mail-status/check": 403,
  "POST /api/api-tokens": 403,
  "POST /api/api-tokens/{id}/revoke": 403,
  "POST /api/auth/reauth": 400,
  "POST /api/auth/security-key": 409,
  "POST /api/auth/security-key/options": 409,
  "POST /api/auth/sign-in": 400,
  "POST /api/auth/sign-out": 204,
  "POST /api/auth/totp": 409,
  "POST /api/auth/totp/enrolment": 409,
  "POST /api/demo/clock": 404,
  "POST /api/directory/import/apply": 403,
  "POST /api/directory/import/preview": 403,
  "POST /api/directory/parties/{iso2}/confirm": 403,
  "POST /api/directory/parties/{iso2}/contact-points": 403,
  "POST /api/directory/parties/{iso2}/proposals": 403,
  "POST /api/directory/parties/{iso2}/remind": 403,
  "POST /api/directory/proposals/{id}/review": 403,
  "POST /api/directory/proposals/{id}/withdraw": 403,
  "POST /api/directory/releases": 403,
  "POST /api/incidents": 403,
  "POST /api/incidents/{id}/updates": 403,
  "POST /api/me/calendar/rotate": 403,
  "POST /api/me/security-keys": 400,
  "POST /api/me/security-keys/options": 200,
  "POST /api/notifications/read-all": 204,
  "POST /api/notifications/{id}/read": 204,
  "POST /api/receipts/verify": 400,
  "POST /api/requests": 403,
  "POST /api/requests/{id}/attachments": 403,
  "POST /api/requests/{id}/corrections": 403,
  "POST /api/requests/{id}/feedback": 403,
  "POST /api/requests/{id}/messages": 403,
  "POST /api/requests/{id}/onward-transfers": 403,
  "POST /api/requests/{id}/onward-transfers/{onwardId}/decision": 403,
  "POST /api/requests/{id}/send": 403,
  "POST /api/requests/{id}/transitions": 403,
  "POST /api/transfer-suspensions": 403,
  "POST /api/transfer-suspensions/{id}/lift": 403,
  "POST /api/webhooks": 403,
  "POST /api/webhooks/{id}/test": 403,
  "PATCH /api/me/preferences": 400,
  "PUT /api/admin/retention/{type}": 403,
  "PUT /api/directory/contact-points/{id}": 403,
  "PUT /api/directory/parties/{iso2}/legal-profile": 403,
  "PUT /api/me/notification-preferences": 400,
  "PUT /api/requests/{id}/draft": 403,
  "DELETE /api/directory/contact-points/{id}": 403,
  "DELETE /api/me/calendar": 403,
  "DELETE /api/me/security-keys/{id}": 404,
  "DELETE /api/requests/{id}": 403,
  // Issue 9: an auditor holds neither stats.read nor plenary.manage.
  "GET /api/capacity-building": 403,
  "POST /api/capacity-building": 403,
  "DELETE /api/capacity-building/{id}": 403,
  "GET /api/meetings": 403,
  "POST /api/meetings": 403,
  "GET /api/meetings/{id}": 403,
  "POST /api/meetings/{id}/registrations": 403,
  "PATCH /api/meetings/{id}/registrations/{registrationId}": 403,
  "GET /api/plenary/report": 403,
  "GET /api/plenary/report/export": 403,
  "GET /api/statistics/directory": 403,
  "GET /api/statistics/requests": 403,
  "GET /api/statistics/pings": 403,
  "GET /api/statistics/export": 403,
  "DELETE /api/webhooks/{id}": 403,
};

/** The only non-GET routes an auditor gets past the gate: its own session, and checking a receipt. */
const AUDITOR_OWN = new Set([
  // Links whose secret is the credential, and saying why one opens a request: no data is changed.
  "POST /api/invitations/{token}",
  "POST /api/pings/ack/{token}",
  "POST /api/requests/{id}/purpose",
  "POST /api/auth/sign-in",
  "POST /api/auth/sign-out",
  "POST /api/auth/reauth",
  "POST /api/auth/totp",
  "POST /api/auth/totp/enrolment",
  "POST /api/auth/security-key",
  "POST /api/auth/security-key/options",
  "POST /api/me/security-keys",
  "POST /api/me/security-keys/options",
  "DELETE /api/me/security-keys/{id}",
  "PATCH /api/me/preferences",
  "PUT /api/me/notification-preferences",
  "POST /api/notifications/{id}/read",
  "POST /api/notifications/read-all",
  "POST /api/receipts/verify",
  // 404 for everyone unless a demo server switched the clock control on.
  "POST /api/demo/clock",
]);

const meta = { ip: null, userAgent: null };
let ctx: AppContext;
let app: FastifyInstance;
let port: number;
const clients = {} as Record<RoleName, TestClient>;
let auditor: TestClient;
const users = {} as Record<Exclude<RoleName, "anonymous">, UserRow>;
let params: Record<string, string>;

beforeAll(async () => {
  // The clock never moves: every sign-in stays recent, so routes that ask for re-authentication
  // answer on the permission alone.
  const clock = new ManualClock(new Date("2026-11-21T05:40:00Z"));
  const base = testContext(await testDatabase(), clock);
  // Sign-in steps are rate-limited per address and every call here comes from one address; the
  // limit itself is shown in http/rate-limit.db.test.ts.
  ctx = {
    ...base,
    config: {
      ...base.config,
      mail: { kind: "mailbox", from: "vigil@example.org" },
      rateLimits: { ...base.config.rateLimits, signIn: { limit: 10_000, windowMs: 15 * 60_000 } },
    },
  };
  await loadDemoNetwork(ctx);
  app = await buildApp(ctx);
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  port = typeof address === "object" && address ? address.port : 0;

  await makeParty(ctx, "XQ", "Observerland");
  const sign = async (
    name: Exclude<RoleName, "anonymous">,
    role: Parameters<typeof signedIn>[3],
    party: string | null,
  ) => {
    const s = await signedIn(app, ctx, `matrix.${name.toLowerCase()}@example.org`, role, party);
    clients[name] = s.c;
    users[name] = s.user;
  };
  await sign("observer", "observer", "XQ");
  await sign("officerA", "officer", "CL");
  await sign("adminA", "party_admin", "CL");
  await sign("officerB", "officer", "RO");
  await sign("secretariat", "secretariat", null);
  auditor = (await signedIn(app, ctx, "matrix.auditorb@example.org", "auditor", "RO")).c;
  clients.anonymous = new TestClient(app);

  const fixtures = await routeFixtures(ctx, { client: clients.officerA, user: users.officerA }, users.secretariat);
  const token = await createApiToken(ctx, users.adminA, { name: "Case system", scopes: ["requests:read"] }, meta);
  // Two ping tests: one the Secretariat closes during the run, one whose contact point A answers.
  const pingOf = (title: string) =>
    createCampaign(
      ctx,
      users.secretariat,
      {
        title,
        selection: { parties: ["CL"], types: [], regions: [] },
        schedule: { mode: "now" },
        reminderMinutes: [],
        buckets: [15, 60],
      },
      meta,
    );
  const ping = await pingOf("Matrix ping");
  const answered = await pingOf("Matrix ping answered");
  const feed = await clients.officerA.post("/api/me/calendar/rotate");
  if (feed.statusCode !== 200) throw new Error(`calendar feed refused: ${feed.body}`);
  const pings = await ctx.db.tx(async (tx) => {
    const [target] = await tx.select().from(pingTargets).where(eq(pingTargets.campaignId, answered)).limit(1);
    const [recipient] = await tx.select().from(pingRecipients).where(eq(pingRecipients.campaignId, ping)).limit(1);
    // The link's token as the e-mail carries it (the database keeps it sealed, for reminders).
    const pingToken =
      recipient?.tokenSealed && open(ctx.keyring, Buffer.from(recipient.tokenSealed), recipient.id).toString("utf8");
    return { pingTargetId: target?.id, pingToken };
  }, SYSTEM_ACTOR);

  const feedFile = String(feed.data.url).split("/calendar/")[1] as string;
  // Keyed by "<route prefix>|<param>" first, then by the parameter's name alone.
  params = {
    "/api/requests|id": fixtures.requestId,
    "/api/data-protection/requests|id": fixtures.requestId,
    "/api/webhooks|id": fixtures.webhookId ?? randomUUID(),
    "/api/api-tokens|id": token.apiToken.id,
    "/api/incidents|id": fixtures.incidentId,
    "/api/pings/targets|id": pings.pingTargetId ?? randomUUID(),
    "/api/pings|id": ping,
    "/api/directory/contact-points|id": fixtures.contactPointId ?? randomUUID(),
    attachmentId: fixtures.attachmentId,
    eventId: fixtures.eventId ?? randomUUID(),
    iso2: "CL",
    version: fixtures.version ?? "1.0.0",
    type: "legal_information",
    file: feedFile,
    token: pings.pingToken || "no-token",
  };
});

afterAll(async () => {
  await app.close();
  await ctx.db.close();
});

/** "/api/requests/{id}/attachments/{attachmentId}" → a URL with the fixtures' ids. */
function fill(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const prefix = Object.keys(params).find(
      (k) => k.includes("|") && path.startsWith(`${k.split("|")[0]}/`) && k.endsWith(`|${name}`),
    );
    return encodeURIComponent(prefix ? (params[prefix] as string) : (params[name] ?? randomUUID()));
  });
}

/** The operations of the OpenAPI document, as "METHOD /path/{param}". */
function documentedOperations(): string[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const ops: string[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const method of Object.keys(methods)) {
      if (["get", "post", "put", "patch", "delete"].includes(method)) ops.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return ops.sort();
}

/** Reads first, then writes, then deletions, and signing out last: a call never removes what a later one needs. */
function order(op: string): number {
  if (op === "POST /api/auth/sign-out") return 4;
  const method = op.split(" ")[0];
  return method === "GET" ? 0 : method === "DELETE" ? 3 : method === "PUT" || method === "PATCH" ? 2 : 1;
}

async function call(role: RoleName | "auditor", op: string): Promise<number> {
  const [method, path] = op.split(" ") as [string, string];
  const url = fill(path);
  const client = role === "auditor" ? auditor : clients[role];
  if (path === "/api/events") {
    // A Server-Sent Events stream never ends: read the status and hang up.
    const abort = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}${url}`, {
      headers: client.cookie ? { cookie: `${SESSION_COOKIE}=${client.cookie}` } : {},
      signal: abort.signal,
    });
    abort.abort();
    return res.status;
  }
  const res = await client.request(method as "GET", url, method === "GET" || method === "DELETE" ? undefined : {});
  return res.statusCode;
}

it("every route of the OpenAPI document has a row in the access matrix, and every row a route", () => {
  const documented = documentedOperations();
  const missing = documented.filter((op) => !(op in MATRIX));
  const gone = Object.keys(MATRIX).filter((op) => !documented.includes(op));
  const missingForAuditor = documented.filter((op) => !(op in AUDITOR));
  const goneForAuditor = Object.keys(AUDITOR).filter((op) => !documented.includes(op));
  expect({ missing, gone, missingForAuditor, goneForAuditor }).toEqual({
    missing: [],
    gone: [],
    missingForAuditor: [],
    goneForAuditor: [],
  });
});

it("refuses the auditor every route that changes something (403), whatever its row says", () => {
  const writes = documentedOperations().filter((op) => !op.startsWith("GET ") && !AUDITOR_OWN.has(op));
  expect(writes.length).toBeGreaterThan(30);
  expect(writes.filter((op) => AUDITOR[op] !== 403)).toEqual([]);
});

it("every caller gets the declared status on every route", async () => {
  const ops = documentedOperations()
    .filter((op) => op in MATRIX || process.env.VIGIL_MATRIX_PRINT)
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const mismatches: string[] = [];
  const seen: Record<string, Row> = {};
  const auditorSeen: Record<string, number> = {};
  for (const op of ops) {
    seen[op] = {} as Row;
    for (const role of ROLES) {
      const got = await call(role, op);
      (seen[op] as Row)[role] = got;
      const expected = MATRIX[op]?.[role];
      if (got !== expected) mismatches.push(`${op} as ${role}: expected ${expected}, got ${got}`);
    }
    const got = await call("auditor", op);
    auditorSeen[op] = got;
    if (got !== AUDITOR[op]) mismatches.push(`${op} as auditor: expected ${AUDITOR[op]}, got ${got}`);
  }
  if (process.env.VIGIL_MATRIX_PRINT) {
    for (const [op, r] of Object.entries(seen)) console.log(`  "${op}": row(${ROLES.map((x) => r[x]).join(", ")}),`);
    for (const op of Object.keys(auditorSeen).sort()) console.log(`  "${op}": ${auditorSeen[op]},`);
  }
  expect(mismatches.join("\n")).toBe("");
});
