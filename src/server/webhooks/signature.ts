import { createHmac, timingSafeEqual } from "node:crypto";

/** How far a delivery's timestamp may be from the receiver's clock before it is refused. */
export const REPLAY_WINDOW_SECONDS = 300;

/** "v1=" + hex HMAC-SHA256 over "<timestamp>.<raw body>": the timestamp is signed, so it cannot be moved. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export type VerifyResult = { ok: true } | { ok: false; reason: "bad_signature" | "too_old" | "replayed" };

/**
 * What a receiving national system does (also used by Vigil's tests): check the signature in
 * constant time, refuse a timestamp outside the window, and never act twice on a delivery id.
 * "replayed" is a delivery already acted upon: answer it 2xx and do nothing (delivery is at least
 * once, so a retry after a lost answer carries the same id); refuse the other failures with 4xx.
 */
export function verifyWebhook(input: {
  secret: string;
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  deliveryId: string | undefined;
  now: Date;
  seen: Set<string>;
}): VerifyResult {
  const ts = Number(input.timestamp);
  if (!Number.isInteger(ts) || !input.signature || !input.deliveryId) return { ok: false, reason: "bad_signature" };
  const expected = Buffer.from(signWebhook(input.secret, ts, input.body));
  const given = Buffer.from(input.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: "bad_signature" };
  if (Math.abs(input.now.getTime() / 1000 - ts) > REPLAY_WINDOW_SECONDS) return { ok: false, reason: "too_old" };
  if (input.seen.has(input.deliveryId)) return { ok: false, reason: "replayed" };
  input.seen.add(input.deliveryId);
  return { ok: true };
}
