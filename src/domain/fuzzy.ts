// Closest-name matching for typed place names (countries, tambons): compares on a folded form (no spaces, case,
// or the dots of abbreviations) by edit distance over grapheme-insensitive code points.

/** What two typed names are compared on: NFC, lower case, no spaces, dots, dashes or brackets. */
export const fold = (s: string): string => s.normalize('NFC').toLowerCase().replace(/[\s.\-()[\]'’]/g, '');

/** Levenshtein distance between two strings (code points). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/**
 * Up to `limit` candidates closest to `typed`, best first: names that start with or contain the typed text
 * come first, then those within an edit distance of about a third of the name. Nothing is returned for a
 * typed text that resembles no candidate (e.g. "ดาวอังคาร" among countries).
 */
export function closest<T>(typed: string, candidates: readonly T[], keys: (c: T) => string[], limit = 4): T[] {
  const t = fold(typed);
  if (!t) return [];
  const scored: { c: T; score: number }[] = [];
  for (const c of candidates) {
    let best = Infinity;
    for (const k of keys(c).map(fold)) {
      if (!k) continue;
      if (k === t) best = Math.min(best, 0);
      else if (t.length >= 2 && (k.startsWith(t) || t.startsWith(k))) best = Math.min(best, 0.5);
      else if (t.length >= 3 && k.includes(t)) best = Math.min(best, 0.75);
      else {
        const d = editDistance(t, k);
        if (d <= Math.max(1, Math.floor(Math.max(t.length, k.length) / 3))) best = Math.min(best, 1 + d);
      }
    }
    if (best < Infinity) scored.push({ c, score: best });
  }
  return scored.sort((a, b) => a.score - b.score).slice(0, limit).map((s) => s.c);
}
