/**
 * Patterns for the configured placeholder words: all-capital words (TODO) match whole and in
 * capitals only, so "todo" in prose is left alone; phrases ("More information needed") match in
 * any case. `...` in a placeholder stands for any text on one line: `[Your ...]` matches
 * "[Your model's name]".
 */
export function placeholderPatterns(words: readonly string[]): RegExp[] {
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
  return placeholderPatterns(words).some((pattern) => {
    pattern.lastIndex = 0;
    const match = pattern.exec(text);
    return match !== null && match.index === 0;
  });
}

function wholeWord(word: string): string {
  const escaped = word
    .split('...')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^\\n]*?');
  return `${/^\w/.test(word) ? '(?<!\\w)' : ''}${escaped}${/\w$/.test(word) ? '(?!\\w)' : ''}`;
}
