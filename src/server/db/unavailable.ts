/**
 * Whether an error means the database server cannot be reached right now (down, restarting,
 * connections cut) rather than a fault in the request: such calls answer 503 and the client may
 * retry; the pool reconnects by itself once the server is back.
 */
const SERVER_CODES = new Set([
  "57P01", // admin_shutdown: the server is stopping
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: starting up, shutting down, in recovery
  "53300", // too_many_connections
]);
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);
const MESSAGES = [/^Connection terminated/, /^Client has encountered a connection error/, /connection timeout/i];

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 5) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === "string" && (SERVER_CODES.has(e.code) || e.code.startsWith("08") || NETWORK_CODES.has(e.code)))
    return true;
  if (typeof e.message === "string" && MESSAGES.some((m) => m.test(e.message as string))) return true;
  // Drizzle wraps the driver's error in `cause`; a refused connection to every address is an AggregateError.
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
