import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { seedSample } from './cards';

/** A text the server must survive, and the diagnostic it must give. */
export interface BadInput {
  name: string;
  text: () => string;
  /**
   * What its diagnostics must show: an MC040 (yaml-syntax) diagnostic whose message matches; some
   * finding, of any rule (junk is not a card); or no MC040 at all (valid YAML).
   */
  due: RegExp | 'some finding' | 'no syntax error';
  /** How long the server may take to publish its diagnostics (a guard, not a delay). */
  guardMs?: number;
}

const examplesFolder = path.resolve(__dirname, '../../examples');

/** The example cards of examples/ and the seed sample, by name. */
export function startingCards(): Map<string, string> {
  const cards = new Map([['seed sample', seedSample]]);
  for (const name of readdirSync(examplesFolder).filter((file) => file.endsWith('.modelcard.yaml')).sort()) {
    cards.set(name, readFileSync(path.join(examplesFolder, name), 'utf8'));
  }
  return cards;
}

/** A billion-laughs card: nine levels of aliases, each repeating the one before nine times. */
export function aliasBomb(): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level < 9; level++) {
    lines.push(`a${level}: &a${level} [${Array(9).fill(`*a${level - 1}`).join(', ')}]`);
  }
  return `name: Laughs\n${lines.join('\n')}\n`;
}

/** `depth` nested flow sequences, `[[[...]]]`, as the value of `x-deep`. */
export function deepFlowSequences(depth: number): string {
  return `name: Deep\nx-deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

/** `depth` nested flow mappings, `{a: {a: ...}}`, as the value of `x-deep`. */
export function deepFlowMappings(depth: number): string {
  return `name: Deep\nx-deep: ${'{a: '.repeat(depth)}leaf${'}'.repeat(depth)}\n`;
}

/** `depth` nested block mappings, `a:\n b:\n  c:`, each one space deeper than its parent. */
export function deepBlockMappings(depth: number): string {
  const lines = Array.from({ length: depth }, (_, level) => `${' '.repeat(level)}k${level}:`);
  return `${lines.join('\n')} leaf\n`;
}

/** `depth` nested block sequences on one line, `- - - leaf`, as the value of `x-deep`. */
export function deepCompactSequences(depth: number): string {
  return `name: Deep\nx-deep:\n  ${'- '.repeat(depth)}leaf\n`;
}

/** `a: [b: [b: [ ... : 5:[` with `depth` nested flow sequences whose items are pairs: it overflowed the YAML library's stack, and every finding was lost. */
export function deepFlowPairs(depth: number): string {
  return `a: [${'b: ['.repeat(depth)}: 5:[`;
}

/** `x-k: - [a, - [a, ...` repeated `count` times: the library's toJS() ran out of stack on it. */
export function blockItemsInFlowSequences(count: number): string {
  return `x-k: ${'- [a,'.repeat(count)}`;
}

/** `a: [{[{[{...` with `depth` pairs of brackets: flow sequences used as the keys of flow mappings, nested (it took seconds to turn the keys into strings). */
export function nestedCollectionKeys(depth: number): string {
  return `a: ${'[{'.repeat(depth)}`;
}

/** `x-k: {{{ ... a: 1} ... : 1}`: `depth` flow mappings, each the key of the one around it. */
export function nestedMappingKeys(depth: number): string {
  return `x-k: ${'{'.repeat(depth)}a${': 1}'.repeat(depth)}`;
}

/** A mapping of `count` entries whose keys are block sequences (`? - a`). */
export function sequenceKeys(count: number): string {
  return `name: x\nx-map:\n${Array.from({ length: count }, (_, index) => `  ? - k${index}\n    - y\n  : v${index}\n`).join('')}`;
}

/**
 * A realistic card of at least `size` characters: declared factors and datasets, thousands of
 * sliced metric results with confidence intervals, and a long changelog.
 */
export function largeCard(size: number): string {
  const head = [
    "name: Large Card\nversion: '2.0'\nlicense: apache-2.0\ntask: image-classification\n",
    'intended_use:\n  primary_uses: [Finding smiling photos]\n  out_of_scope: [Emotion detection]\n',
    'ethical_considerations:\n  - name: Faces\n    mitigation: Not offered for identification.\n',
    'limitations:\n  - Results are generated.\n',
    'factors:\n  evaluation:\n    - name: age\n      values: [young, old]\n    - name: gender\n      values: [female, male]\n',
  ].join('');
  const metrics: string[] = ['metrics:\n'];
  const datasets: string[] = ['evaluation_data:\n'];
  const changelog: string[] = ['governance:\n  status: draft\n  changelog:\n'];
  let length = head.length;
  for (let index = 0; length < size; index++) {
    const value = `0.${(index % 80) + 10}`;
    const result =
      `  - name: false_positive_rate\n    value: ${value}\n    dataset: eval-${index % 200}\n` +
      `    slice: {age: ${index % 2 ? 'young' : 'old'}, gender: ${index % 3 ? 'female' : 'male'}}\n    threshold: 0.5\n` +
      `    confidence_interval: {lower: 0.05, upper: 0.95, level: 0.95}\n`;
    const dataset = index < 200 ? `  - name: eval-${index}\n    split: test\n    motivation: Held-out photos from collection ${index}, sampled by month.\n` : '';
    const change = `    - version: '1.${index}'\n      date: '2024-01-01'\n      changes: Retrained on batch ${index}; thresholds recalibrated.\n`;
    metrics.push(result);
    datasets.push(dataset);
    changelog.push(change);
    length += result.length + dataset.length + change.length;
  }
  return head + metrics.join('') + datasets.join('') + changelog.join('');
}

/** `count` bytes from a fixed-seed linear congruential generator. */
export function pseudoRandomBytes(count: number, seed = 0x5eed): Buffer {
  const bytes = Buffer.alloc(count);
  let state = seed;
  for (let index = 0; index < count; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[index] = state >>> 24;
  }
  return bytes;
}

/** A card with bytes that are not UTF-8: a lone continuation byte, a truncated sequence, an overlong `/`, 0xFF. */
export function invalidUtf8Card(): Buffer {
  return Buffer.concat([
    Buffer.from('name: Broken '),
    Buffer.from([0x80, 0xe2, 0x82, 0x0a]),
    Buffer.from('version: '),
    Buffer.from([0xc0, 0xaf, 0xff, 0xfe, 0x0a]),
    Buffer.from('limitations: '),
    Buffer.from([0xed, 0xa0, 0x80, 0x0a]),
  ]);
}

const nestingMessage = /nests/;

export const badInputs: BadInput[] = [
  { name: 'an empty file', text: () => '', due: /empty/ },
  { name: 'only blank lines and comments', text: () => '\n  \n# nothing yet\n\n', due: /empty/ },
  { name: 'a bare scalar', text: () => 'just some text\n', due: /mapping/ },
  { name: 'a number', text: () => '42', due: /mapping/ },
  { name: 'a block list', text: () => '- name: x\n- limitations: y\n', due: /mapping/ },
  { name: 'a flow list', text: () => '[name, version]\n', due: /mapping/ },
  { name: 'an alias bomb (billion laughs)', text: aliasBomb, due: /aliases/ },
  { name: 'an alias with no anchor', text: () => 'name: *nowhere\n', due: /alias `\*nowhere` refers to no anchor/ },
  { name: 'an alias inside the value it refers to', text: () => 'name: &loop [a, *loop]\n', due: /alias `\*loop` is inside the value anchored `&loop`/ },
  { name: '10,000 nested flow sequences', text: () => deepFlowSequences(10_000), due: nestingMessage },
  { name: '10,000 nested flow mappings', text: () => deepFlowMappings(10_000), due: nestingMessage },
  { name: '10,000 nested block mappings', text: () => deepBlockMappings(10_000), due: nestingMessage, guardMs: 30_000 },
  { name: '10,000 nested block sequences on one line', text: () => deepCompactSequences(10_000), due: nestingMessage },
  { name: 'random bytes read as Latin-1', text: () => pseudoRandomBytes(8192).toString('latin1'), due: 'some finding' },
  { name: 'random bytes read as UTF-8', text: () => pseudoRandomBytes(8192, 7).toString('utf8'), due: 'some finding' },
  { name: 'NULs and control characters', text: () => `name: a\0b\nversion: \x01\x02\x1b[31m\x7f\n${String.fromCharCode(...Array.from({ length: 32 }, (_, code) => code))}\n`, due: 'some finding' },
  { name: 'lone surrogates', text: () => 'name: \ud800\nversion: "\udc00"\nlimitations: [\udbff, x\udfff]\n\udfff: 1\n', due: 'some finding' },
  { name: 'the lossy decoding of invalid UTF-8', text: () => invalidUtf8Card().toString('utf8'), due: 'some finding' },
  { name: 'nested flow sequences of pairs that overflowed the YAML library (40 KB)', text: () => deepFlowPairs(10_000), due: nestingMessage },
  { name: 'block items in 40,000 flow sequences', text: () => blockItemsInFlowSequences(40_000), due: nestingMessage },
  { name: '200 levels of collections used as keys', text: () => nestedCollectionKeys(200), due: nestingMessage },
  { name: '250 levels of flow mappings used as keys', text: () => nestedMappingKeys(250), due: nestingMessage },
  { name: '250 entries with sequences as keys', text: () => sequenceKeys(250), due: 'no syntax error' },
  { name: 'a 5 MB card', text: () => largeCard(5_000_000), due: 'no syntax error', guardMs: 30_000 },
];
