import { z } from "zod";

/**
 * What a Party's API token may be used for. A route that accepts tokens declares one of these;
 * the requests scopes are checked by the guard already, for the request routes to come.
 */
export const API_TOKEN_SCOPES = ["directory:read", "requests:read", "requests:write"] as const;
export const ApiTokenScope = z.enum(API_TOKEN_SCOPES, {
  error: (issue) => `Unknown scope ${JSON.stringify(issue.input)}: use ${API_TOKEN_SCOPES.join(", ")}`,
});
export type ApiTokenScope = z.infer<typeof ApiTokenScope>;

export const ApiTokenInput = z.object({
  name: z
    .string({ error: "Give the token a name, e.g. the system that will use it" })
    .trim()
    .min(1, "Give the token a name, e.g. the system that will use it")
    .max(100, "At most 100 characters"),
  scopes: z
    .array(ApiTokenScope, { error: "Choose at least one scope" })
    .min(1, "Choose at least one scope")
    .max(API_TOKEN_SCOPES.length, `At most ${API_TOKEN_SCOPES.length} scopes`),
  /** Without it, the token works until it is revoked. */
  expiresAt: z.iso
    .datetime({ offset: true, message: "Give a date and time such as 2027-01-31T00:00:00Z" })
    .nullable()
    .optional(),
});
export type ApiTokenInput = z.infer<typeof ApiTokenInput>;

/** A token as listed: never the token itself, only its first characters to recognise it. */
export const ApiToken = z.object({
  id: z.uuid(),
  partyIso2: z.string(),
  name: z.string(),
  /** The token's first characters, e.g. "vgl_Xy3kP9aB": not enough to use it. */
  prefix: z.string(),
  scopes: z.array(ApiTokenScope),
  createdBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiToken = z.infer<typeof ApiToken>;
export const ApiTokenList = z.object({ tokens: z.array(ApiToken) });

/** The token itself is in this answer only: Vigil keeps its SHA-256, never the token. */
export const ApiTokenCreated = z.object({ apiToken: ApiToken, token: z.string() });
export type ApiTokenCreated = z.infer<typeof ApiTokenCreated>;
