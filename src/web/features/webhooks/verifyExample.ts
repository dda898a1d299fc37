/**
 * A receiver's check of a delivery, shown on the webhooks panel for national systems' developers.
 * Code, not prose: the same in every UI language.
 */
export const VERIFY_EXAMPLE = `import { createHmac, timingSafeEqual } from "node:crypto";

const FIVE_MINUTES = 5 * 60;
const seen = new Set(); // accepted X-Vigil-Delivery ids: keep them in your database

// rawBody: the request body exactly as received (Buffer), before any JSON parsing.
export function acceptVigilDelivery(headers, rawBody, secret) {
  const timestamp = String(headers["x-vigil-timestamp"] ?? "");
  const deliveryId = String(headers["x-vigil-delivery"] ?? "");
  const signature = Buffer.from(String(headers["x-vigil-signature"] ?? ""));

  const age = Math.abs(Date.now() / 1000 - Number(timestamp));
  if (!/^\\d+$/.test(timestamp) || age > FIVE_MINUTES) return false;

  const expected = Buffer.from(
    "v1=" + createHmac("sha256", secret).update(timestamp + ".").update(rawBody).digest("hex"),
  );
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return false;

  if (!deliveryId || seen.has(deliveryId)) return false; // a duplicate: already handled
  seen.add(deliveryId);
  return true; // then store the event and answer 2xx
}
`;
