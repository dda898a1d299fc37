import { z } from "zod";

/**
 * `auditor`: a Party's independent supervisory authority (SAP Art. 14(13–14)): reads that Party's
 * requests and data-protection records, changes nothing.
 */
export const ROLES = ["secretariat", "party_admin", "officer", "observer", "auditor"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const LOCALES = ["en", "fr"] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/**
 * The zone names found valid so far. Building an Intl.DateTimeFormat to test a name costs far more
 * than the rest of a contact point's validation, and every directory answer carries dozens of
 * zones; the set of real names is small (a few hundred), so it is remembered. Unknown names are
 * not remembered (anyone can send many).
 */
const knownZones = new Set<string>();

export function isTimeZone(tz: string): boolean {
  if (knownZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
  } catch {
    return false;
  }
  if (knownZones.size < 1000) knownZones.add(tz);
  return true;
}

/** An IANA time zone name that this runtime knows ("Europe/Bucharest", "UTC"). */
export const TimeZone = z.string().min(1).max(64).refine(isTimeZone, { message: "Unknown IANA time zone" });

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Invalid e-mail address" }))
  .pipe(z.string().max(254));

export const SignInBody = z.object({
  email: Email,
  password: z.string().min(1, "Password is required").max(1024),
});
export type SignInBody = z.infer<typeof SignInBody>;

/** A six-digit authenticator code, or a recovery code (xxxxx-xxxxx). */
export const SecondFactorBody = z.object({
  code: z.string().trim().min(6, "Enter the 6-digit code from your authenticator app").max(32),
});
export type SecondFactorBody = z.infer<typeof SecondFactorBody>;

export const TotpConfirmBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app"),
});

export const SignInNext = z.enum(["totp", "enrol"]);
export const SignInResponse = z.object({
  next: SignInNext,
  csrfToken: z.string(),
  /** The account has security keys: the second step may use one instead of a code. */
  securityKey: z.boolean(),
});
export type SignInResponse = z.infer<typeof SignInResponse>;

export const PartyRef = z.object({
  id: z.uuid(),
  iso2: z.string().length(2),
  nameEn: z.string(),
  nameFr: z.string(),
});
export type PartyRef = z.infer<typeof PartyRef>;

export const SessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: Role,
  party: PartyRef.nullable(),
  locale: Locale,
  timeZone: z.string(),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SESSION_STATES = ["pending_totp", "pending_enrolment", "active"] as const;
export const SessionState = z.enum(SESSION_STATES);
export type SessionState = z.infer<typeof SessionState>;

export const SessionInfo = z.object({
  state: SessionState,
  csrfToken: z.string(),
  user: SessionUser,
  /** What this user may do, as decided by the server's policy: the UI never guesses. */
  permissions: z.array(z.string()),
  expiresAt: z.iso.datetime(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const TotpEnrolment = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrDataUrl: z.string(),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const TotpEnrolled = z.object({
  recoveryCodes: z.array(z.string()),
  session: SessionInfo,
});

export const PreferencesBody = z
  .object({
    locale: Locale.optional(),
    timeZone: TimeZone.optional(),
  })
  .refine((v) => v.locale !== undefined || v.timeZone !== undefined, { message: "Nothing to change" });
export type PreferencesBody = z.infer<typeof PreferencesBody>;

/** Password rule for new accounts: long rather than complex (NIST SP 800-63B). */
export const NewPassword = z.string().min(12, "At least 12 characters").max(256);

// --- Security keys (WebAuthn) -----------------------------------------------------------------
// The browser's answers are checked by @simplewebauthn/server; these schemas only bound their shape.
const B64url = z
  .string()
  .regex(/^[A-Za-z0-9_-]*={0,2}$/, "Not base64url")
  .max(16_384);

export const RegistrationResponse = z.object({
  id: B64url,
  rawId: B64url,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: B64url,
    attestationObject: B64url,
    authenticatorData: B64url.optional(),
    transports: z.array(z.string().max(32)).max(10).optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: B64url.optional(),
  }),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});
export type RegistrationResponse = z.infer<typeof RegistrationResponse>;

export const AuthenticationResponse = z.object({
  id: B64url,
  rawId: B64url,
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: B64url,
    authenticatorData: B64url,
    signature: B64url,
    userHandle: B64url.optional(),
  }),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
});
export type AuthenticationResponse = z.infer<typeof AuthenticationResponse>;

/** Options for navigator.credentials.create/get, as @simplewebauthn/server makes them (kept whole). */
export const WebAuthnOptions = z.looseObject({ challenge: z.string() });
export type WebAuthnOptions = z.infer<typeof WebAuthnOptions>;

export const SecurityKeyName = z.string().trim().min(1, "Give the key a name").max(80);

export const AddSecurityKeyBody = z.object({
  name: SecurityKeyName,
  response: RegistrationResponse,
});
export type AddSecurityKeyBody = z.infer<typeof AddSecurityKeyBody>;

export const SecurityKeyInfo = z.object({
  id: z.uuid(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export type SecurityKeyInfo = z.infer<typeof SecurityKeyInfo>;

export const SecurityKeySignInBody = z.object({ response: AuthenticationResponse });

/**
 * Proving it is still you before a sensitive action: the password and a second factor, either an
 * authenticator code (or recovery code) or a security key's answer.
 */
export const ReauthBody = z
  .object({
    password: z.string().min(1, "Password is required").max(1024),
    code: z.string().trim().min(6, "Enter the 6-digit code from your authenticator app").max(32).optional(),
    securityKey: AuthenticationResponse.optional(),
  })
  .refine((v) => (v.code === undefined) !== (v.securityKey === undefined), {
    message: "Give either a code or a security key",
    path: ["code"],
  });
export type ReauthBody = z.infer<typeof ReauthBody>;

/** The error code of a sensitive action asked too long after the last proof of identity. */
export const REAUTH_REQUIRED = "reauth_required";
