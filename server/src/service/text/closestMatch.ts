/** The candidate closest to `input` by edit distance, if it is close enough to be a likely typo. */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const wanted = normalize(input);
  if (wanted.length === 0 || wanted.length > 80) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, normalize(candidate), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
      if (distance === 0) break;
    }
  }
  const tolerated = Math.max(1, Math.floor(wanted.length / 3));
  return bestDistance <= tolerated ? best : undefined;
}

/** Case, spaces, hyphens and underscores are not worth a typo: `Intended-Use` matches `intended_use`. */
function normalize(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '_');
}

/** Levenshtein distance, giving up (returning `limit`) once it cannot beat `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
      rowMinimum = Math.min(rowMinimum, current[j]);
    }
    if (rowMinimum >= limit) return limit;
    previous = current;
  }
  return previous[b.length];
}
