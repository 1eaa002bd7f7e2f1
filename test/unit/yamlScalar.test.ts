import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from 'yaml';
import { yamlScalar } from '../../server/src/service/text/yamlText';

describe('yamlScalar', () => {
  it('writes plain what reads back the same everywhere, and quotes the rest', () => {
    assert.equal(yamlScalar('apache-2.0'), 'apache-2.0');
    assert.equal(yamlScalar('text-classification'), 'text-classification');
    assert.equal(yamlScalar('Smiling Detection (v2)'), 'Smiling Detection (v2)');
    assert.equal(yamlScalar('no'), "'no'");
    assert.equal(yamlScalar('Null'), "'Null'");
    assert.equal(yamlScalar('1.10'), "'1.10'");
    assert.equal(yamlScalar('a: b'), "'a: b'");
    assert.equal(yamlScalar("it's"), "'it''s'");
    assert.equal(yamlScalar(''), "''");
    assert.equal(yamlScalar('trailing '), "'trailing '");
    assert.equal(yamlScalar('two\nlines'), '"two\\nlines"');
  });

  it('always reads back as the same string (YAML 1.2 and 1.1)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme-ascii' }), fc.string({ unit: 'binary' })), (text) => {
        const written = yamlScalar(text);
        assert.equal(parse(`key: ${written}`).key, text);
        assert.equal(parse(`key: ${written}`, { version: '1.1' }).key, text);
      }),
      { numRuns: 3000, seed: 20241124 },
    );
  });
});
