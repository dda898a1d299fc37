import pino, { type Logger } from "pino";

/** Secrets never reach the logs: cookies, tokens, passwords and codes are redacted. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        "req.headers.cookie",
        "req.headers.authorization",
        'req.headers["x-csrf-token"]',
        'res.headers["set-cookie"]',
        "*.password",
        "*.code",
        "*.token",
        "*.secret",
      ],
      censor: "[redacted]",
    },
  });
}
