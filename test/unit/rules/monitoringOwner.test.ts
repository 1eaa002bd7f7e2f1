import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const people = 'owners:\n  - name: Ana Lima\n    contact: ana@example.org\ncontact: ml-team@example.org\n';
const alerted = (owner: string, known = people) => `${completeCard}${known}monitoring:\n  alerts: {owner: ${owner}, channel: '#imaging-alerts'}\n`;

describe('MC088 monitoring-owner', () => {
  it('underlines an alert owner who is neither an owner nor the contact, and names who the card does list', () => {
    const text = alerted('Sam Doe');
    const diagnostic = onlyDiagnostic(text, 'MC088');
    assert.deepEqual(diagnostic.range, range(18, 18, 18, 25));
    assert.equal(textAt(text, diagnostic.range), 'Sam Doe');
    assert.equal(
      diagnostic.message,
      "The alert owner `Sam Doe` is not one of the card's owners or its contact (it names `Ana Lima`, `ana@example.org` and `ml-team@example.org`): add them to `owners`, or hand the alerts to someone who answers for the model.",
    );
  });

  it('accepts an owner by name (any case and spacing) or contact, and the card’s contact', () => {
    for (const owner of ['ana  lima', 'ana@example.org', 'ml-team@example.org']) assert.deepEqual(diagnosticsWithCode(alerted(owner), 'MC088'), [], owner);
  });

  it('says when the card names nobody', () => {
    assert.match(onlyDiagnostic(alerted('Sam Doe', ''), 'MC088').message, /\(it names no owners and no contact\)/);
  });

  sharedRuleTests({ code: 'MC088', name: 'monitoring-owner', defaultSeverity: DiagnosticSeverity.Warning }, alerted('Sam Doe'));
});
