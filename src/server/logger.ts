import pino, { type DestinationStream, type Logger } from "pino";

/**
 * Secrets that travel in a URL or could end up in a message: the URL is the credential of a
 * calendar feed and of a ping test's acknowledgement link (the page and its API), and an API token
 * pasted into the wrong place must not reach the logs either.
 */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/(\/calendar\/)[A-Za-z0-9_-]+(\.ics)/g, "$1[redacted]$2"],
  [/\bvgl_[A-Za-z0-9_-]{16,}/g, "vgl_[redacted]"],
  [/(\/ping\/|\/api\/pings\/ack\/)[A-Za-z0-9_%-]+/g, "$1[redacted]"],
];

/** The text with every secret URL part and token replaced by "[redacted]". */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Secrets never reach the logs: cookies, tokens, passwords, codes and WebAuthn answers are
 * redacted by field; secret URLs (calendar feeds) and API tokens by pattern in the final line,
 * wherever they appear (request URL, error message). `destination` lets a test read the lines.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
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
          "*.csrfToken",
          "*.totpSecret",
          "*.response",
          "*.securityKey",
          "*.challenge",
        ],
        censor: "[redacted]",
      },
      hooks: { streamWrite: redactSecrets },
    },
    destination,
  );
}
