import { lt, sql } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { RateLimitRule } from "../config";
import type { AppContext } from "../context";
import type { Tx } from "../db/database";
import { HttpError } from "./errors";
import { rateLimits } from "./tables";

/** What a bucket is for, named in the 429 message. */
export type RateLimitBucket = "sign-in" | "link";

export class TooManyRequests extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      "rate_limited",
      `Too many attempts from your address. Wait ${retryAfterSeconds} seconds, then try again.`,
    );
  }
}

/**
 * Counts one hit of `key` in the current fixed window of `bucket` and says whether it is within
 * `rule`. One upsert: the row is shared by every instance of Vigil, so two instances do not
 * double the allowance. Fixed windows allow up to twice the limit across a window boundary; that
 * is accepted for limits meant to stop guessing, not to meter use.
 */
export async function hit(
  tx: Tx,
  bucket: RateLimitBucket,
  key: string,
  rule: RateLimitRule,
  at: Date,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const windowStart = new Date(Math.floor(at.getTime() / rule.windowMs) * rule.windowMs);
  const [row] = await tx
    .insert(rateLimits)
    .values({ bucket, key, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.bucket, rateLimits.key, rateLimits.windowStart],
      set: { hits: sql`${rateLimits.hits} + 1` },
    })
    .returning({ hits: rateLimits.hits });
  if ((row?.hits ?? 1) <= rule.limit) return { allowed: true };
  const retryAfterMs = windowStart.getTime() + rule.windowMs - at.getTime();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
}

/** Removes the windows that ended before `before` (housekeeping job). */
export async function purgeRateLimits(tx: Tx, before: Date): Promise<number> {
  const gone = await tx.delete(rateLimits).where(lt(rateLimits.windowStart, before)).returning({ key: rateLimits.key });
  return gone.length;
}

/**
 * A route hook (`onRequest`, before the body is even parsed) that limits each client address to
 * `rule` hits per window in `bucket`; over it, 429 with `Retry-After`. The address is Fastify's
 * `request.ip`, which follows X-Forwarded-For only when TRUST_PROXY is set.
 */
export function rateLimit(ctx: AppContext, bucket: RateLimitBucket, rule: RateLimitRule) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const key = request.ip ?? "unknown";
    const result = await ctx.db.tx((tx) => hit(tx, bucket, key, rule, ctx.clock.now()));
    if (result.allowed) return;
    request.log.warn({ bucket, ip: key }, "rate limit reached");
    reply.header("retry-after", String(result.retryAfterSeconds));
    throw new TooManyRequests(result.retryAfterSeconds);
  };
}
