import { and, eq, isNotNull, like, not } from "drizzle-orm";
import { type Database, SYSTEM_ACTOR } from "../db/database";
import { type Keyring, open, seal, sealedKeyId } from "../vault/keyring";
import { sessions, users } from "./tables";

/*
 * Authenticator (TOTP) secrets are sealed at rest with the vault's key ring (AES-256-GCM), like
 * request attachments: a copy of the database alone gives no one the second factor of every
 * account. Each secret is bound to its row (an account's to the user id, one being enrolled to
 * its session), so a sealed secret copied onto another account does not open there.
 */

const PREFIX = "sealed:";

export const accountSecretAad = (userId: string) => `user-totp:${userId}`;
export const pendingSecretAad = (sessionIdHash: string) => `session-totp:${sessionIdHash}`;

export function sealTotpSecret(ring: Keyring, secret: string, aad: string): string {
  return PREFIX + seal(ring, Buffer.from(secret, "utf8"), aad).toString("base64");
}

/** The secret in clear; throws on a value not sealed (start-up seals old ones before serving). */
export function openTotpSecret(ring: Keyring, stored: string, aad: string): string {
  if (!stored.startsWith(PREFIX)) throw new Error("TOTP secret is not sealed");
  return open(ring, Buffer.from(stored.slice(PREFIX.length), "base64"), aad).toString("utf8");
}

const sealedWith = (stored: string) => sealedKeyId(Buffer.from(stored.slice(PREFIX.length), "base64"));

/**
 * Seals the secrets stored in clear before this release (at every start until none is left), and
 * re-seals under the newest key those sealed with an older one (`vault reseal`). Returns how many,
 * and how many do not open (a row changed in the database, or its key gone from the ring): those
 * are left as they are, and their accounts must enrol their authenticator again.
 */
export async function sealTotpSecrets(
  db: Database,
  ring: Keyring,
  opts: { reseal: boolean },
): Promise<{ sealed: number; unreadable: number }> {
  return db.tx(async (tx) => {
    let n = 0;
    let unreadable = 0;
    const accounts = await tx
      .select({ id: users.id, secret: users.totpSecret })
      .from(users)
      .where(
        opts.reseal
          ? isNotNull(users.totpSecret)
          : and(isNotNull(users.totpSecret), not(like(users.totpSecret, `${PREFIX}%`))),
      )
      .for("update");
    for (const a of accounts) {
      const stored = a.secret as string;
      const sealed = stored.startsWith(PREFIX);
      if (sealed && sealedWith(stored) === ring.current) continue;
      let clear = stored;
      if (sealed) {
        try {
          clear = openTotpSecret(ring, stored, accountSecretAad(a.id));
        } catch {
          unreadable += 1;
          continue;
        }
      }
      await tx
        .update(users)
        .set({ totpSecret: sealTotpSecret(ring, clear, accountSecretAad(a.id)) })
        .where(eq(users.id, a.id));
      n += 1;
    }
    // Secrets offered during an enrolment live ten minutes: one left in clear is simply dropped.
    await tx
      .update(sessions)
      .set({ pendingTotpSecret: null })
      .where(and(isNotNull(sessions.pendingTotpSecret), not(like(sessions.pendingTotpSecret, `${PREFIX}%`))));
    return { sealed: n, unreadable };
  }, SYSTEM_ACTOR);
}
