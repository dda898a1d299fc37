import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every depth: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** The fields of an audit row that the hash covers (everything but id and the hashes). */
export type ChainedFields = {
  at: Date;
  actorUserId: string | null;
  actorLabel: string | null;
  actorPartyId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  details: Record<string, unknown>;
};

/** The text a row's hash covers after the previous hash and a newline. */
export function chainText(row: ChainedFields): string {
  return canonicalJson({ ...row, at: row.at.toISOString() });
}

/** sha256(prevHash + "\n" + chainText(row)), hex; appendAudit computes the same in SQL. */
export function chainHash(prevHash: string, row: ChainedFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(chainText(row)).digest("hex");
}
