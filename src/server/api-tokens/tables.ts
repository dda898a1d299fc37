import { sql } from "drizzle-orm";
import { check, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { API_TOKEN_SCOPES } from "../../shared/api-tokens";
import { users } from "../auth/tables";
import { tstz } from "../db/columns";
import { parties } from "../directory/tables";

const KNOWN_SCOPES = sql.raw(`ARRAY[${API_TOKEN_SCOPES.map((s) => `'${s}'`).join(", ")}]::text[]`);

/**
 * A Party's API tokens, for its national systems. Only the SHA-256 of a token is stored: a token
 * is 256 random bits, so a fast hash is enough and lookup is one indexed equality. Tokens are
 * revoked, never deleted: the audit trail names them.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partyId: uuid("party_id")
      .notNull()
      .references(() => parties.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    scopes: text("scopes").array().notNull(),
    /** Hex SHA-256 of the whole token. */
    tokenHash: text("token_hash").notNull(),
    /** The token's first characters, shown in lists to recognise it; too few to guess the rest. */
    prefix: text("prefix").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: tstz("created_at").notNull(),
    /** Written at most once a minute per token. */
    lastUsedAt: tstz("last_used_at"),
    expiresAt: tstz("expires_at"),
    revokedAt: tstz("revoked_at"),
    revokedBy: uuid("revoked_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("api_tokens_hash_unique").on(t.tokenHash),
    index("api_tokens_party_idx").on(t.partyId, t.createdAt),
    check("api_tokens_scopes_known", sql`cardinality(${t.scopes}) > 0 AND ${t.scopes} <@ ${KNOWN_SCOPES}`),
  ],
);
