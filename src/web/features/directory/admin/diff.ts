/** A piece of a compared value: kept on both sides, or only on one. */
export type Segment = { text: string; kind: "same" | "removed" | "added" };

/** Largest token grid compared word by word; longer texts are shown as wholly replaced. */
const MAX_CELLS = 250_000;

/**
 * Word-level difference of two texts (longest common subsequence of words and spaces), so that a
 * reviewer sees which words of long instructions changed instead of rereading both versions.
 * Returns the segments of the "before" text and of the "after" text.
 */
export function diffWords(before: string, after: string): { before: Segment[]; after: Segment[] } {
  const a = before.split(/(\s+)/).filter(Boolean);
  const b = after.split(/(\s+)/).filter(Boolean);
  if (a.length * b.length > MAX_CELLS) {
    return { before: [{ text: before, kind: "removed" }], after: [{ text: after, kind: "added" }] };
  }
  // lengths[i][j]: LCS length of a[i..] and b[j..].
  const lengths: Uint32Array[] = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = lengths[i] as Uint32Array;
    const below = lengths[i + 1] as Uint32Array;
    for (let j = b.length - 1; j >= 0; j--) {
      row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const left: Segment[] = [];
  const right: Segment[] = [];
  const push = (list: Segment[], text: string, kind: Segment["kind"]) => {
    const last = list[list.length - 1];
    if (last && last.kind === kind) last.text += text;
    else list.push({ text, kind });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(left, a[i] as string, "same");
      push(right, b[j] as string, "same");
      i++;
      j++;
    } else if ((lengths[i + 1]?.[j] ?? 0) >= (lengths[i]?.[j + 1] ?? 0)) {
      push(left, a[i++] as string, "removed");
    } else {
      push(right, b[j++] as string, "added");
    }
  }
  while (i < a.length) push(left, a[i++] as string, "removed");
  while (j < b.length) push(right, b[j++] as string, "added");
  return { before: left, after: right };
}

/** Items of two lists, each marked as kept or only on its side (compared by their text). */
export function diffItems(before: string[], after: string[]): { before: Segment[]; after: Segment[] } {
  const remaining = new Map<string, number>();
  for (const item of after) remaining.set(item, (remaining.get(item) ?? 0) + 1);
  const left = before.map<Segment>((text) => {
    const n = remaining.get(text) ?? 0;
    if (n > 0) {
      remaining.set(text, n - 1);
      return { text, kind: "same" };
    }
    return { text, kind: "removed" };
  });
  const kept = new Map<string, number>();
  for (const item of before) kept.set(item, (kept.get(item) ?? 0) + 1);
  const right = after.map<Segment>((text) => {
    const n = kept.get(text) ?? 0;
    if (n > 0) {
      kept.set(text, n - 1);
      return { text, kind: "same" };
    }
    return { text, kind: "added" };
  });
  return { before: left, after: right };
}
