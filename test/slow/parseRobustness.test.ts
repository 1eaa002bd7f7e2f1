import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCollection, isMap, parseDocument, visit } from 'yaml';
import { parseCard } from '../../server/src/service/parsing/parseCard';
import { maxNestingDepth } from '../../server/src/service/parsing/treeChecks';
import { findPair } from '../../server/src/service/parsing/yamlNodes';
import {
  blockItemsInFlowSequences,
  deepBlockMappings,
  deepFlowPairs,
  deepFlowSequences,
  nestedCollectionKeys,
  nestedMappingKeys,
  sequenceKeys,
  startingCards,
} from '../helpers/badInputs';
import { cardDocument, diagnose, diagnosticsWithCode, range } from '../helpers/cards';
import { applyEdit, propertySeed, randomEdit, resolveEdit } from '../helpers/randomEdits';
import { onlyDiagnostic } from '../helpers/ruleTests';

const problemsOf = (text: string) => parseCard(cardDocument(text)).problems;
const ruleFailures = (text: string) => diagnose(text).filter((diagnostic) => String(diagnostic.message).includes('could not run rule'));

describe('parsing bad input', () => {
  const nestingFindings = (text: string) => diagnosticsWithCode(text, 'MC040').filter((diagnostic) => /^The card nests more than 100 levels/.test(diagnostic.message as string));
  describe('aliases', () => {
    it('says where an alias refers to no anchor, and builds no plain value', () => {
      const text = 'name: *nowhere\nversion: 1\n';
      const card = parseCard(cardDocument(text));
      assert.equal(card.value, undefined);
      assert.deepEqual(card.problems, [
        {
          kind: 'syntax',
          message: 'The alias `*nowhere` refers to no anchor `&nowhere` before it; schema checks are skipped. Define the anchor first, or write the value here.',
          start: 6,
          end: 14,
        },
      ]);
    });

    it('does not resolve an alias to an anchor written after it', () => {
      const [problem] = problemsOf('name: *k\n? &k x-later\n');
      assert.deepEqual([problem.start, problem.end], [6, 8]);
      assert.match(problem.message, /^The alias `\*k` refers to no anchor `&k` before it/);
    });

    it('says where an alias is inside the value it refers to, instead of building a value that contains itself', () => {
      const text = 'name: x\nx-loop: &loop\n  again: *loop\n';
      const card = parseCard(cardDocument(text));
      assert.equal(card.value, undefined);
      const [problem] = card.problems;
      assert.equal(problem.message, 'The alias `*loop` is inside the value anchored `&loop`, so that value would contain itself; schema checks are skipped. Write the value here instead.');
      assert.equal(text.slice(problem.start, problem.end), '*loop');
    });

    it('accepts an alias to an anchor on a key or an earlier value, and to a redefined anchor', () => {
      for (const text of ['? &k name\n: x\nx-copy: *k\n', '? &k x-no-value\nname: *k\n', 'name: &n x\nsummary: *n\n', 'x-a: &a [1]\nx-b: &a [2]\nname: *a\n']) {
        assert.deepEqual(problemsOf(text), [], text);
      }
    });

    it('reports an alias bomb once, in MC040, with no schema finding about a value it could not build', () => {
      const text = `name: x\nx-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n${['b', 'c', 'd', 'e'].map((name, index) => `x-${name}: &${name} [${Array(9).fill(`*${'abcd'[index]}`).join(', ')}]`).join('\n')}\n`;
      assert.match(onlyDiagnostic(text, 'MC040').message, /^The card's aliases expand too far \(more than 10,000 copied values, as in a "billion laughs" attack\)/);
      assert.deepEqual(diagnosticsWithCode(text, 'MC011'), []);
    });
  });

  describe('nesting', () => {
    it(`accepts ${maxNestingDepth} levels, and reports the first value deeper, to the end of its line`, () => {
      assert.deepEqual(problemsOf(deepFlowSequences(maxNestingDepth)), []);
      const text = deepFlowSequences(maxNestingDepth + 1);
      const nesting = onlyDiagnostic(text, 'MC040');
      assert.equal(nesting.message, 'The card nests more than 100 levels deep here; schema checks are skipped. A model card needs only a few levels: flatten this value.');
      // `x-deep: ` is 8 characters, and the card's mapping is depth 0: depth 101 is the 101st bracket.
      assert.deepEqual(nesting.range, range(1, 8 + maxNestingDepth, 1, text.split('\n')[1].length));
      assert.equal(parseCard(cardDocument(text)).value, undefined);
    });

    it('gives one diagnostic for 10,000 levels, the same on every parse, however deep the YAML library got', () => {
      for (const text of [deepFlowSequences(10_000), deepBlockMappings(10_000)]) {
        const first = onlyDiagnostic(text, 'MC040');
        assert.match(first.message, /^The card nests more than 100 levels deep here/);
        assert.deepEqual(onlyDiagnostic(text, 'MC040'), first);
        assert.deepEqual(ruleFailures(text), []);
      }
    });

    it('still reads the keys after a value too deep', () => {
      const text = `${deepFlowSequences(5_000)}limitations: TODO\n`;
      assert.deepEqual(diagnosticsWithCode(text, 'MC030').map((diagnostic) => diagnostic.range), [range(2, 13, 2, 17)]);
    });

    it('still reads the keys after a value too deep that spreads over lines, with quoted brackets, plain scalars and comments', () => {
      const depth = 300;
      const opening = Array.from({ length: depth }, (_, level) => `  [ "]${level}[", x${level}, # a comment ]\n`).join('');
      const text = `name: Deep\nx-deep:\n${opening}${'  ]\n'.repeat(depth)}limitations: TODO\n`;
      const lastLine = 2 + 2 * depth;
      assert.deepEqual(diagnosticsWithCode(text, 'MC030').map((diagnostic) => diagnostic.range), [range(lastLine, 13, lastLine, 17)]);
      assert.deepEqual(nestingFindings(text).map((diagnostic) => diagnostic.range.start), [{ line: 1 + maxNestingDepth, character: 4 }]);
    });
  });

  describe('inputs that overflowed the YAML library or took minutes', () => {
    const noStackMessages = (text: string) => assert.deepEqual(diagnose(text).filter((diagnostic) => /call stack|could not run rule/i.test(String(diagnostic.message))), []);

    it('reports nested flow sequences of pairs as nested too deep, once, and the other rules still run', () => {
      for (const depth of [10_000, 100_000]) {
        const text = deepFlowPairs(depth);
        assert.deepEqual(nestingFindings(text).map((diagnostic) => diagnostic.range), [range(0, 200, 0, text.length)]);
        const codes = new Set(diagnose(text).map((diagnostic) => diagnostic.code));
        for (const code of ['MC001', 'MC002', 'MC003', 'MC005']) assert.ok(codes.has(code), code);
        noStackMessages(text);
      }
    });

    it('builds no value that runs out of stack from block items in 40,000 flow sequences', () => {
      const text = blockItemsInFlowSequences(40_000);
      assert.equal(nestingFindings(text).length, 1);
      noStackMessages(text);
    });

    it('finds collections nested as keys too deep at the first key past the limit, without turning them into text', () => {
      for (const [text, column] of [[nestedCollectionKeys(200), 103], [nestedMappingKeys(250), 105]] as const) {
        assert.deepEqual(nestingFindings(text).map((diagnostic) => diagnostic.range.start), [{ line: 0, character: column }]);
        noStackMessages(text);
      }
    });

    it('reports a block sequence nested so deep that the YAML library\'s parser runs out of stack, where the parser was, with no failing rule', () => {
      const text = `${'- '.repeat(5_000)}a\nname: x\n`;
      assert.deepEqual(problemsOf(text), [
        { kind: 'syntax', message: 'The YAML nests too deeply to be read here; this value is ignored. Flatten the nesting.', start: 10_002, end: 10_003 },
      ]);
      assert.deepEqual(diagnose(text).map((diagnostic) => diagnostic.code), ['MC040']);
      noStackMessages(text);
    });

    it('lists the first 100 YAML errors of a card with thousands, then how many more there are', () => {
      // After the first line, three errors a line: `x` and `:` unexpected after the stray `]`, and the next `]`.
      const text = `name: x\n${'x: ]\n'.repeat(500)}`;
      const syntax = problemsOf(text).filter((problem) => problem.kind === 'syntax');
      assert.equal(syntax.length, 101);
      assert.deepEqual(syntax.slice(0, 4).map(({ start }) => start), [11, 13, 14, 16]);
      assert.deepEqual(syntax[100], {
        kind: 'syntax',
        message: '1,398 more YAML errors from here on are not listed: fix the first ones, the rest often come from them.',
        start: 178,
        end: 179,
      });
    });

    it('names a key that is a collection by its source text', () => {
      assert.deepEqual(parseCard(cardDocument('name: x\nx-map:\n  ? [a,  b]\n  : 1\n  ? - c\n  : 2\n')).value, { name: 'x', 'x-map': { '[a,  b]': 1, '- c': 2 } });
      const entries = Object.keys((parseCard(cardDocument(sequenceKeys(250))).value as { 'x-map': object })['x-map']);
      assert.equal(entries.length, 250);
      assert.equal(entries[249], '- k249\n    - y');
    });
  });

  describe('the plain value', () => {
    /** Whether the library's own toJS() can be trusted to finish: no collection used as a key. */
    const hasCollectionKeys = (text: string) => {
      let found = false;
      visit(parseDocument(text), { Pair: (_key, pair) => (isCollection(pair.key) ? ((found = true), visit.BREAK) : undefined) });
      return found;
    };

    it('is what the YAML library builds, for every example card under random edits', () => {
      const cards = [...startingCards().values()];
      fc.assert(
        fc.property(fc.constantFrom(...cards), fc.array(randomEdit, { maxLength: 6 }), (card, edits) => {
          const text = edits.reduce((current, edit) => applyEdit(current, resolveEdit(current, edit)), card).replace(/\r(?!\n)/g, '\n');
          const { value } = parseCard(cardDocument(text));
          if (value === undefined || hasCollectionKeys(text)) return;
          assert.deepEqual(value, parseDocument(text, { uniqueKeys: false }).toJS({ maxAliasCount: -1 }));
        }),
        { seed: propertySeed, numRuns: 300 },
      );
    });

    it('merges YAML 1.1 merge keys, keeps `__proto__` an ordinary key, and lets a later duplicate key win', () => {
      const { value } = parseCard(cardDocument('%YAML 1.1\n---\nx-base: &base {a: 1, b: 2}\nx-m:\n  <<: *base\n  b: 3\n__proto__: p\nname: one\nname: two\n'));
      assert.deepEqual(value, JSON.parse('{"x-base": {"a": 1, "b": 2}, "x-m": {"a": 1, "b": 3}, "__proto__": "p", "name": "two"}'));
      assert.equal(Object.getPrototypeOf(value), Object.prototype);
    });

    it('resolves an alias to an anchor written inside a key', () => {
      assert.deepEqual(parseCard(cardDocument('x-m:\n  ? &k [a]\n  : 1\nx-copy: *k\n')).value, { 'x-m': { '[a]': 1 }, 'x-copy': ['a'] });
    });
  });

  describe('size', () => {
    it('runs every rule on a list of 200,000 items (too many to spread into one push call)', () => {
      assert.deepEqual(ruleFailures(`name: x\nx-list: [${'1,'.repeat(200_000)}]\n`), []);
    });

    it('checks a mapping of 100,000 keys in linear time (it took minutes when each key was compared with all before it)', function () {
      this.timeout(60_000);
      const keys = Array.from({ length: 100_000 }, (_, index) => `  k${index}: ${index}\n`).join('');
      const started = performance.now();
      const duplicates = diagnosticsWithCode(`name: x\nx-map:\n${keys}  k7: again\n`, 'MC041');
      const elapsed = performance.now() - started;
      assert.ok(elapsed < 20_000, `took ${Math.round(elapsed)} ms`);
      assert.deepEqual(duplicates.map((diagnostic) => diagnostic.range), [range(100_002, 2, 100_002, 4)]);
    });
  });

  describe('duplicate keys', () => {
    it('are parse problems on the repeated key, in block and flow mappings', () => {
      const text = 'name: a\nx-m: {b: 1, b: 2}\nname: c\n';
      const duplicates = problemsOf(text).filter((problem) => problem.kind === 'duplicateKey');
      assert.deepEqual(duplicates.map((problem) => [problem.start, text.slice(problem.start, problem.end)]), [[26, 'name'], [20, 'b']]);
    });

    it('leave the first pair of a key the one found, in small and in large mappings', () => {
      for (const size of [3, 100]) {
        const filler = Array.from({ length: size }, (_, index) => `k${index}: ${index}\n`).join('');
        const root = parseCard(cardDocument(`dup: first\n${filler}dup: second\n`)).root!;
        assert.ok(isMap(root));
        assert.equal(String((findPair(root, 'dup')!.value as { value: unknown }).value), 'first');
        assert.equal(findPair(root, 'absent'), undefined);
      }
    });
  });
});

describe('old Mac line endings', () => {
  it('read a lone \\r as a line break, as editors do, so ranges match the lines people see', () => {
    const lf = diagnose('name: x\nversion: 1.10\nmetrics: {accuracy: 0.9}\nlimitations: x\n');
    const cr = diagnose('name: x\rversion: 1.10\rmetrics: {accuracy: 0.9}\rlimitations: x\r');
    assert.deepEqual(cr, lf);
    assert.deepEqual(cr.find((diagnostic) => diagnostic.code === 'MC044')?.range, range(1, 9, 1, 13));
  });
});
