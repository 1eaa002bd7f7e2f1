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
