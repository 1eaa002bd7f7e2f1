import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range } from '../../helpers/cards';
import { completeDatasheet, datasheetUri } from '../../helpers/kindDocuments';
import { onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const withoutContact = completeDatasheet.replace('maintenance:\n  contact: faces@example.com\n', 'maintenance:\n  host: The vision lab\n');

describe('MC103 missing-maintenance-contact', () => {
  it('reports a maintenance section without a contact on its key, with an insert-key fix for the contact', () => {
    const diagnostic = onlyDiagnostic(withoutContact, 'MC103', {}, datasheetUri);
    assert.deepEqual(diagnostic.range, range(19, 0, 19, 11));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.message, '`maintenance` gives no `contact`: say how to reach the people who maintain the dataset (an e-mail address or a URL).');
    assert.deepEqual(diagnostic.data, { kind: 'insertKey', path: ['maintenance', 'contact'] });
  });

  it('accepts a contact in maintenance or at the top level', () => {
    assert.deepEqual(diagnosticsWithCode(completeDatasheet, 'MC103', {}, datasheetUri), []);
    assert.deepEqual(diagnosticsWithCode(`${withoutContact}contact: faces@example.com\n`, 'MC103', {}, datasheetUri), []);
  });

  it('leaves a datasheet without a maintenance section to missing-datasheet-section', () => {
    const text = completeDatasheet.replace('maintenance:\n  contact: faces@example.com\n', '');
    assert.deepEqual(diagnosticsWithCode(text, 'MC103', {}, datasheetUri), []);
    assert.equal(diagnosticsWithCode(text, 'MC100', {}, datasheetUri).length, 1);
  });

  sharedRuleTests({ code: 'MC103', name: 'missing-maintenance-contact', defaultSeverity: DiagnosticSeverity.Warning }, withoutContact, datasheetUri);
});
