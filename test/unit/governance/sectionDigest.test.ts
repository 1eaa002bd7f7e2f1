import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { canonicalJson, contentDigest, sectionDigest } from '../../../server/src/service/card/sectionDigest';
import { propertySeed } from '../../helpers/randomEdits';

/** SHA-256 by Node's own implementation, to check the pure one against. */
const nodeDigest = (text: string) => `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;

/** Card-like values: texts (any Unicode), finite numbers, booleans, null, lists and mappings. */
const cardValue = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.string({ unit: 'grapheme' }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.boolean(), fc.constant(null), tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((key) => key !== '__proto__'), tie('value'), { maxKeys: 4 }),
})).map;

describe('section digests', () => {
  it('writes canonical JSON as RFC 8785 does: sorted keys, no spaces, shortest numbers, non-finite numbers as text', () => {
    assert.equal(canonicalJson({ b: [1.0, 0.9, -0, 1e21], a: { z: null, y: 'é"\n' }, c: true }), '{"a":{"y":"é\\"\\n","z":null},"b":[1,0.9,0,1e+21],"c":true}');
    assert.equal(canonicalJson({ value: Number.NaN, low: -Infinity, skipped: undefined }), '{"low":"-Infinity","value":"NaN"}');
    assert.equal(canonicalJson({ é: 1, e: 2, Z: 3, '10': 4, '9': 5 }), '{"10":4,"9":5,"Z":3,"e":2,"é":1}');
  });

  it('is sha256: and the hex SHA-256 of the UTF-8 canonical JSON (checked against node:crypto)', () => {
    fc.assert(
      fc.property(cardValue, (value) => contentDigest(value) === nodeDigest(canonicalJson(value))),
      { seed: propertySeed, numRuns: 200 },
    );
    assert.equal(contentDigest(null), nodeDigest('null'));
    assert.equal(sectionDigest({ intended_use: { primary_uses: 'x' } }, 'intended_use.primary_uses'), nodeDigest('"x"'));
    assert.equal(sectionDigest({}, 'monitoring'), nodeDigest('null'));
  });

  it('stays the same when the YAML is reformatted, its keys reordered or its comments changed', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }).filter((key) => key !== '__proto__'), cardValue, { minKeys: 1, maxKeys: 5 }), fc.boolean(), fc.string(), (section, flow, comment) => {
        const block = stringify({ section }, { lineWidth: 0 });
        const reordered = Object.fromEntries(Object.entries(section).reverse());
        const written = `# ${comment.replace(/[\r\n\u2028\u2029]/g, ' ')}\n${stringify({ section: reordered }, { collectionStyle: flow ? 'flow' : 'block', lineWidth: 20, indent: 4 })}`;
        return sectionDigest(parse(block), 'section') === sectionDigest(parse(written), 'section');
      }),
      { seed: propertySeed, numRuns: 200 },
    );
  });

  it('changes with any value: a changed leaf anywhere in the section gives another digest', () => {
    fc.assert(
      fc.property(cardValue, fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean()), (value, replacement) => {
        const section = { first: value, last: 'kept' };
        const changed = { first: value, last: replacement };
        fc.pre(canonicalJson('kept') !== canonicalJson(replacement));
        return sectionDigest({ s: section }, 's') !== sectionDigest({ s: changed }, 's');
      }),
      { seed: propertySeed, numRuns: 200 },
    );
    const leaves = (value: unknown, path: (string | number)[] = []): (string | number)[][] =>
      value !== null && typeof value === 'object' ? Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, Array.isArray(value) ? Number(key) : key])) : [path];
    fc.assert(
      fc.property(cardValue, fc.nat(), (value, pick) => {
        const paths = leaves(value).filter((path) => path.length > 0);
        fc.pre(paths.length > 0);
        const path = paths[pick % paths.length];
        const copy = structuredClone(value) as Record<string | number, unknown>;
        const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as Record<string | number, unknown>, copy);
        const old = parent[path[path.length - 1]];
        parent[path[path.length - 1]] = typeof old === 'string' ? `${old}!` : typeof old === 'number' ? (old === 1 ? 2 : 1) : typeof old === 'boolean' ? !old : 'was null';
        return contentDigest(copy) !== contentDigest(value);
      }),
      { seed: propertySeed, numRuns: 200 },
    );
  });
});
