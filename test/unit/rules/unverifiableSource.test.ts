import assert from 'node:assert/strict';
import { diagnosticsWithCode, range } from '../../helpers/cards';
import { boundCard, source, trackerValues, verify } from '../../helpers/boundCards';

describe('MC062 unverifiable-source', () => {
  it('reports a binding whose store, run or metric cannot be read, on its source', () => {
    const values = trackerValues([[source('test_accuracy'), 'run a1b2c3d4 has no metric test_accuracy'], [source('test_f1'), 0.8]]);
    const diagnostics = verify(boundCard, values, 'MC062');
    assert.deepEqual(diagnostics.map((d) => [d.message, d.range]), [['The value cannot be checked: run a1b2c3d4 has no metric test_accuracy.', range(5, 12, 5, 106)]]);
    assert.deepEqual(verify(boundCard, values, 'MC061'), []);
  });

  it('says nothing in a plain lint', () => {
    assert.deepEqual(diagnosticsWithCode(boundCard, 'MC062'), []);
  });
});
