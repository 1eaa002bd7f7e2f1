import fc from 'fast-check';

/** Pieces of text that mean something to YAML or to the rules, and characters that trip up offsets. */
const fragments = [
  ...':-[]{}&*!|>\'"#%@\t\r\n',
  ' ',
  '  ',
  '\r\n',
  '- ',
  ': ',
  '? ',
  '---\n',
  '...\n',
  '&a ',
  '*a',
  '!!str ',
  '|-\n',
  '>+\n',
  '<<: ',
  'TODO',
  'yes',
  '1.10',
  'name',
  'metrics',
  'limitations',
  'governance:\n  status: approved\n',
  'é',
  '😀',
  '\u0000',
  '\ufeff',
  '\u2028',
  '\u00a0',
];

const surrogateHalf = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Text to insert: YAML-significant fragments, any code points, and lone surrogate halves. */
const insertion = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom(...fragments), weight: 6 },
      { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }), weight: 2 },
      { arbitrary: surrogateHalf, weight: 1 },
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

/** An edit: where (a fraction of the text's length), how many characters to delete there, and what to insert. */
export interface RandomEdit {
  at: number;
  deleteCount: number;
  insert: string;
}

export const randomEdit: fc.Arbitrary<RandomEdit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  deleteCount: fc.oneof(fc.constant(0), fc.nat({ max: 12 }), fc.nat({ max: 400 })),
  insert: insertion,
});

/** An edit resolved against a text: the offsets it replaces, never splitting a \r\n (LSP cannot address that). */
export interface ResolvedEdit {
  start: number;
  end: number;
  insert: string;
}

export function resolveEdit(text: string, { at, deleteCount, insert }: RandomEdit): ResolvedEdit {
  const start = outsideLineBreak(text, Math.min(text.length, Math.floor(at * (text.length + 1))));
  const end = outsideLineBreak(text, Math.min(text.length, start + deleteCount));
  return { start, end, insert };
}

export function applyEdit(text: string, { start, end, insert }: ResolvedEdit): string {
  return text.slice(0, start) + insert + text.slice(end);
}

function outsideLineBreak(text: string, offset: number): number {
  return text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
}

/** The seed of every property run: fixed, so a failure reproduces; fast-check prints it (and the path) when a run fails. */
export const propertySeed = 20_240_611;

/**
 * An edit a person makes to a card, which keeps it valid YAML more often than not: a word replaced
 * by another, a line copied elsewhere or deleted, a comment line added. `at` and `from` are
 * fractions of the text; the edit is resolved against the text it applies to (`applyCardEdit`).
 */
export interface CardEdit {
  kind: 'word' | 'copyLine' | 'deleteLine' | 'comment';
  at: number;
  from: number;
  word: string;
}

export const cardEdit: fc.Arbitrary<CardEdit> = fc.record({
  kind: fc.constantFrom('word', 'word', 'copyLine', 'deleteLine', 'comment'),
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  from: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  word: fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/),
});

/** The edit as a `ResolvedEdit` on `text`. */
export function resolveCardEdit(text: string, { kind, at, from, word }: CardEdit): ResolvedEdit {
  const lines = text.split(/(?<=\n)/);
  const lineStartOf = (index: number) => lines.slice(0, index).reduce((sum, line) => sum + line.length, 0);
  const lineIndex = Math.floor(at * lines.length);
  const start = lineStartOf(lineIndex);
  switch (kind) {
    case 'word': {
      const words = [...text.matchAll(/[A-Za-z0-9_]+/g)];
      const target = words[Math.floor(at * words.length)];
      return target ? { start: target.index!, end: target.index! + target[0].length, insert: word } : { start: 0, end: 0, insert: '' };
    }
    case 'copyLine': {
      const copied = lines[Math.floor(from * lines.length)] ?? '';
      return { start, end: start, insert: copied.endsWith('\n') ? copied : `${copied}\n` };
    }
    case 'deleteLine':
      return { start, end: start + (lines[lineIndex]?.length ?? 0), insert: '' };
    case 'comment': {
      const indent = /^ */.exec(lines[lineIndex] ?? '')![0];
      return { start, end: start, insert: `${indent}# ${word}\n` };
    }
  }
}
