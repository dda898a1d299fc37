import { z } from "zod";

/**
 * Text PostgreSQL can store. It refuses U+0000 in text and jsonb, and UTF-8 cannot encode a lone
 * surrogate (the driver would quietly replace it, and jsonb refuses its "\ud800" escape). Every
 * route's input passes StorableInput before its own schema (server/app.ts), so such text is a
 * 400 naming the field, never a database error: the fuzz test found both as 500s.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function textProblem(s: string): string | null {
  if (s.includes("\u0000")) return "Text may not contain the NUL character (U+0000)";
  if (LONE_SURROGATE.test(s)) return "Text must be valid Unicode (it has a lone surrogate)";
  return null;
}

type Node = { value: unknown; key: string | number | null; parent: Node | null };

function pathOf(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  for (let n: Node | null = node; n && n.key !== null; n = n.parent) path.unshift(n.key);
  return path;
}

/** The strings and keys of a parsed JSON value (or query string) that cannot be stored; at most 10. */
export function unstorableText(value: unknown): { path: (string | number)[]; message: string }[] {
  const found: { path: (string | number)[]; message: string }[] = [];
  // Iterative: a hostile body may nest thousands of levels deep.
  const stack: Node[] = [{ value, key: null, parent: null }];
  while (stack.length > 0 && found.length < 10) {
    const node = stack.pop() as Node;
    const v = node.value;
    if (typeof v === "string") {
      const message = textProblem(v);
      if (message) found.push({ path: pathOf(node), message });
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: i, parent: node });
    } else if (v && typeof v === "object" && !ArrayBuffer.isView(v)) {
      for (const [k, child] of Object.entries(v)) {
        const message = textProblem(k);
        if (message) found.push({ path: [...pathOf(node), k], message: `${message} (in a key)` });
        stack.push({ value: child, key: k, parent: node });
      }
    }
  }
  return found;
}

/** Refuses unstorable text anywhere in the input; a route's own schema is piped after it. */
export const StorableInput = z.unknown().superRefine((value, ctx) => {
  for (const { path, message } of unstorableText(value)) ctx.addIssue({ code: "custom", path, message });
});
