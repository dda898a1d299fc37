/**
 * Folding for search, shared by server and browser so both agree on what matches:
 * lower case, accents removed, apostrophes dropped ("d'Ivoire" → "divoire"), other punctuation as
 * spaces. "Côte d'Ivoire", "COTE D'IVOIRE" and "cote divoire" all fold to "cote divoire".
 */
export function foldSpaced(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’ʼ`´]/gu, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The folded text without spaces, for substring matching across word boundaries. */
export function foldCompact(value: string): string {
  return foldSpaced(value).replace(/ /g, "");
}
