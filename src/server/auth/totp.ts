import { generateSecret, generateSync, generateURI, verify } from "otplib";
import { loadQrCode } from "../libs";

const ISSUER = "Vigil";
const PERIOD = 30;

export function newTotpSecret(): string {
  return generateSecret(); // 20 random bytes, Base32, as authenticator apps expect
}

export function totpUri(secret: string, accountEmail: string): string {
  return generateURI({ issuer: ISSUER, label: accountEmail, secret });
}

export async function totpQrDataUrl(uri: string): Promise<string> {
  const QRCode = await loadQrCode();
  return QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 1, width: 240 });
}

/** The code an authenticator shows at `at` (used by the demo CLI and by tests). */
export function totpCodeAt(secret: string, at: Date): string {
  return generateSync({ secret, epoch: Math.floor(at.getTime() / 1000) });
}

/**
 * Checks a code against the secret at `at`, accepting one step of clock drift either way.
 * Returns the matched time step, or null. Steps at or before `lastStep` are refused, so a
 * code seen over someone's shoulder cannot be used a second time.
 */
export async function checkTotp(
  secret: string,
  code: string,
  at: Date,
  lastStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(at.getTime() / 1000),
    epochTolerance: PERIOD,
    ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
  });
  return result.valid && "timeStep" in result ? result.timeStep : null;
}
