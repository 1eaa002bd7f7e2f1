import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range } from '../../helpers/cards';
import { completeDatasheet, datasheetUri } from '../../helpers/kindDocuments';
import { onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const withoutLicense = completeDatasheet.replace('license: cc-by-4.0\n', '');

describe('MC102 missing-dataset-license', () => {
  it('reports a datasheet without a licence on its first key, with an insert-key fix', () => {
    const diagnostic = onlyDiagnostic(withoutLicense, 'MC102', {}, datasheetUri);
    assert.deepEqual(diagnostic.range, range(0, 0, 0, 4));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(
      diagnostic.message,
      'The datasheet states no `license`: give the licence id (Hugging Face or SPDX, e.g. `cc-by-4.0`), or `other` with `license_name` and `license_link`.',
    );
    assert.deepEqual(diagnostic.data, { kind: 'insertKey', path: ['license'] });
  });

  it('accepts a licence id, a list of them, or other with its name and link', () => {
    assert.deepEqual(diagnosticsWithCode(completeDatasheet, 'MC102', {}, datasheetUri), []);
    const listed = completeDatasheet.replace('license: cc-by-4.0', 'license: [cc-by-4.0, odc-by]');
    assert.deepEqual(diagnosticsWithCode(listed, 'MC102', {}, datasheetUri), []);
    const other = completeDatasheet.replace('license: cc-by-4.0', 'license: other\nlicense_name: acme-data\nlicense_link: LICENSE');
    assert.deepEqual(diagnosticsWithCode(other, 'MC102', {}, datasheetUri), []);
    assert.deepEqual(diagnosticsWithCode(other, 'MC013', {}, datasheetUri), []);
  });

  it('leaves `license: other` without its name and link to missing-required-field, as on model cards', () => {
    const other = completeDatasheet.replace('license: cc-by-4.0', 'license: other');
    assert.deepEqual(diagnosticsWithCode(other, 'MC102', {}, datasheetUri), []);
    assert.deepEqual(
      diagnosticsWithCode(other, 'MC013', {}, datasheetUri).map((diagnostic) => diagnostic.message),
      [
        'Missing `license_name` in the datasheet, required with `license: other`. Short name of a licence that is not in the lists (with license: other).',
        'Missing `license_link` in the datasheet, required with `license: other`. Where the licence text is (with license: other): LICENSE, LICENSE.md or a URL.',
      ],
    );
  });

  sharedRuleTests({ code: 'MC102', name: 'missing-dataset-license', defaultSeverity: DiagnosticSeverity.Warning }, withoutLicense, datasheetUri);
});
