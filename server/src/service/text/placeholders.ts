/**
 * Patterns for the configured placeholder words: all-capital words (TODO) match whole and in
 * capitals only, so "todo" in prose is left alone; phrases ("More information needed") match in
 * any case. `...` in a placeholder stands for any text on one line: `[Your ...]` matches
 * "[Your model's name]".
 */
export function placeholderPatterns(words: readonly string[]): readonly RegExp[] {
  let patterns = patternsByWords.get(words);
  if (!patterns) {
    patterns = patternsOf(words);
    patternsByWords.set(words, patterns);
  }
  return patterns;
}

/** The patterns of each list of words (the settings' list lives as long as the settings): rules ask for them once per value. */
const patternsByWords = new WeakMap<readonly string[], readonly RegExp[]>();

function patternsOf(words: readonly string[]): RegExp[] {
  const usable = words.filter((word) => word.trim().length > 0).sort((a, b) => b.length - a.length);
  const capitals = usable.filter((word) => word === word.toUpperCase());
  const phrases = usable.filter((word) => word !== word.toUpperCase());
  return [
    ...(capitals.length > 0 ? [new RegExp(capitals.map(wholeWord).join('|'), 'g')] : []),
    ...(phrases.length > 0 ? [new RegExp(phrases.map(wholeWord).join('|'), 'gi')] : []),
  ];
}

/** Whether `value` is text that starts with a placeholder ("TODO", "TODO: the test set"): a value not written yet. */
export function isPlaceholderText(value: unknown, words: readonly string[]): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  // search() leaves the shared patterns' lastIndex as it was (matchAll starts from it).
  return placeholderPatterns(words).some((pattern) => text.search(pattern) === 0);
}

function wholeWord(word: string): string {
  const escaped = word
    .split('...')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^\\n]*?');
  return `${/^\w/.test(word) ? '(?<!\\w)' : ''}${escaped}${/\w$/.test(word) ? '(?!\\w)' : ''}`;
}
