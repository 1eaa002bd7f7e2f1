import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { governedCard } from '../../helpers/policies';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const signed = governedCard(completeCard, { status: 'in_review', signOffs: [{ section: 'intended_use', role: 'clinician', name: 'A. Rivera' }] });
const changed = signed.replace('Sorting holiday photos', 'Sorting any photos');

describe('MC082 sign-off-stale', () => {
  it('underlines the digest of a sign-off whose section changed, naming the signer and the date', () => {
    const diagnostic = onlyDiagnostic(changed, 'MC082');
    assert.deepEqual(diagnostic.range, range(16, 92, 16, 165));
    assert.match(textAt(changed, diagnostic.range), /^'sha256:[0-9a-f]{64}'$/);
    assert.equal(
      diagnostic.message,
      '`intended_use` changed after A. Rivera (clinician) signed it on 2026-03-02: ask them to review the change and sign again (Sign Off Section…), or remove this sign-off.',
    );
  });

  it('holds while the section is only reformatted, reordered or commented', () => {
    assert.deepEqual(diagnosticsWithCode(signed, 'MC082'), []);
    const reformatted = signed.replace(
      'intended_use:\n  primary_uses: Sorting holiday photos\n  out_of_scope: Medical images\n',
      'intended_use: # reviewed by clinicians\n  out_of_scope: "Medical images"\n  primary_uses: >-\n    Sorting holiday\n    photos\n',
    );
    assert.deepEqual(diagnosticsWithCode(reformatted, 'MC082'), []);
  });

  it('says when the signed section was removed', () => {
    const removed = signed.replace('intended_use:\n  primary_uses: Sorting holiday photos\n  out_of_scope: Medical images\n', '');
    assert.match(onlyDiagnostic(removed, 'MC082').message, /^`intended_use` was removed after A\. Rivera \(clinician\) signed it on 2026-03-02/);
  });

  it('leaves a digest that is not sha256 hex to the schema', () => {
    assert.deepEqual(diagnosticsWithCode(changed.replace(/sha256:[0-9a-f]{64}/, 'sha256:abc'), 'MC082'), []);
  });

  it('checks the sign-offs of the other kinds that share the governance block (a datasheet)', () => {
    const datasheet = 'name: Faces\nmotivation:\n  purpose: Smile detection research\n';
    const stale = governedCard(datasheet, { signOffs: [{ section: 'motivation', role: 'data steward', name: 'K. Osei' }] }).replace('research', 'and more');
    const [diagnostic] = diagnosticsWithCode(stale, 'MC082', {}, 'file:///work/faces.datasheet.yaml');
    assert.equal(String(diagnostic.message).split(':')[0], '`motivation` changed after K. Osei (data steward) signed it on 2026-03-02');
  });

  sharedRuleTests({ code: 'MC082', name: 'sign-off-stale', defaultSeverity: DiagnosticSeverity.Error }, changed);
});
