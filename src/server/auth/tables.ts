import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { ROLES, SESSION_STATES } from "../../shared/auth";
import { tstz } from "../db/columns";
import { parties } from "../directory/tables";

export const userRole = pgEnum("user_role", ROLES);
export const sessionState = pgEnum("session_state", SESSION_STATES);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-case; unique. */
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull(),
    partyId: uuid("party_id").references(() => parties.id, { onDelete: "restrict" }),
    locale: text("locale").notNull().default("en"),
    timeZone: text("time_zone").notNull().default("UTC"),
    totpSecret: text("totp_secret"),
    totpEnabledAt: tstz("totp_enabled_at"),
    /** Last TOTP time step accepted, so a code cannot be replayed within its window. */
    totpLastStep: integer("totp_last_step"),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    lockedUntil: tstz("locked_until"),
    disabledAt: tstz("disabled_at"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    index("users_party_idx").on(t.partyId),
    // The Secretariat belongs to no Party; everyone else belongs to exactly one.
    check(
      "users_party_matches_role",
      sql`(${t.role} = 'secretariat' AND ${t.partyId} IS NULL) OR (${t.role} <> 'secretariat' AND ${t.partyId} IS NOT NULL)`,
    ),
  ],
);

export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: tstz("used_at"),
    createdAt: tstz("created_at").notNull().defaultNow(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the cookie's token: a stolen database copy gives no usable session. */
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    state: sessionState("state").notNull(),
    csrfToken: text("csrf_token").notNull(),
    /** Secret offered during TOTP enrolment, kept until the user confirms a code. */
    pendingTotpSecret: text("pending_totp_secret"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    createdAt: tstz("created_at").notNull().defaultNow(),
    lastSeenAt: tstz("last_seen_at").notNull().defaultNow(),
    /**
     * When the user last proved who they are (password and second factor): at sign-in, then at
     * each re-authentication. Sensitive actions need it recent (http/guard.ts, recentAuth).
     */
    authAt: tstz("auth_at"),
    /** The WebAuthn challenge offered to this session, until it is answered (one use). */
    webauthnChallenge: text("webauthn_challenge"),
    /** Idle expiry, pushed forward on use, never beyond absoluteExpiresAt. */
    expiresAt: tstz("expires_at").notNull(),
    absoluteExpiresAt: tstz("absolute_expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** WebAuthn security keys: a second factor a user may use instead of the authenticator code. */
export const securityKeys = pgTable(
  "security_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The user's name for it ("Blue key"). */
    name: text("name").notNull(),
    /** The credential id, base64url, as the authenticator gives it. */
    credentialId: text("credential_id").notNull(),
    /** The COSE public key, base64url. */
    publicKey: text("public_key").notNull(),
    /** The signature counter last seen (0 for keys that do not count). */
    counter: integer("counter").notNull().default(0),
    /** Transports the browser reported (usb, nfc, ble, internal…), as hints for the next sign-in. */
    transports: text("transports").array().notNull().default(sql`'{}'::text[]`),
    createdAt: tstz("created_at").notNull().defaultNow(),
    lastUsedAt: tstz("last_used_at"),
  },
  (t) => [
    uniqueIndex("security_keys_credential_unique").on(t.credentialId),
    index("security_keys_user_idx").on(t.userId),
  ],
);

/**
 * An invitation to choose a password: for a new account, or after an administrator reset one
 * (lost phone, forgotten password). The link's secret is stored as SHA-256 only; one use, 7 days.
 */
export const accountInvitations = pgTable(
  "account_invitations",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: tstz("created_at").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    expiresAt: tstz("expires_at").notNull(),
    usedAt: tstz("used_at"),
    /** Set when a newer invitation replaced this one before it was used. */
    revokedAt: tstz("revoked_at"),
  },
  (t) => [index("account_invitations_user_idx").on(t.userId, t.createdAt)],
);
