import argon2 from "argon2";

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): slow for an attacker, quick enough for sign-in.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/** Verifies a password; with no stored hash it still spends the same time (no account probing by timing). */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  if (!storedHash?.startsWith("$argon2")) {
    dummyHash ??= argon2.hash("vigil-dummy-password", OPTIONS);
    await argon2.verify(await dummyHash, password);
    return false;
  }
  try {
    return await argon2.verify(storedHash, password);
  } catch {
    return false;
  }
}
