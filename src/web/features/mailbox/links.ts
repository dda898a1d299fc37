/** A piece of an e-mail's plain text: words, or a link (with its in-app path when it points to this Vigil). */
export type BodyPart = { kind: "text"; text: string } | { kind: "link"; href: string; inAppPath: string | null };

const URL_PATTERN = /https?:\/\/[^\s<>"]+/g;
// Sentence punctuation right after a URL ("…/releases." or "(…/releases)") is not part of it.
const TRAILING = /[.,;:!?'")\]]+$/;

/**
 * Splits a plain-text body into text and links. A link to `origin` (the page's own) keeps only
 * its path, query and fragment so that the client router opens it without reloading the app.
 */
export function splitLinks(body: string, origin: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    const raw = match[0];
    const href = raw.replace(TRAILING, "");
    const start = match.index;
    if (start > last) parts.push({ kind: "text", text: body.slice(last, start) });
    parts.push({ kind: "link", href, inAppPath: inAppPath(href, origin) });
    last = start + href.length;
  }
  if (last < body.length) parts.push({ kind: "text", text: body.slice(last) });
  return parts;
}

function inAppPath(href: string, origin: string): string | null {
  try {
    const url = new URL(href);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}
