import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt, withFix } from '../../helpers/cards';
import { completeSystemCard, systemCardUri } from '../../helpers/kindDocuments';
import { onlyDiagnostic, sharedRuleTests } from '../../helpers/ruleTests';

const typo = completeSystemCard.replace('    to: generator\n', '    to: generater\n');

describe('MC111 unknown-component', () => {
  it('underlines an edge end that names no component, with the closest id as a fix', () => {
    const diagnostic = onlyDiagnostic(typo, 'MC111', {}, systemCardUri);
    assert.deepEqual(diagnostic.range, range(17, 8, 17, 17));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.message, '`data_flow[1].to` names no component: `generater` is not the id of any of `components`. Did you mean `generator`?');
    assert.equal(withFix(typo, diagnostic), completeSystemCard);
  });

  it('names no fix when no id is close', () => {
    const text = completeSystemCard.replace('  - from: gateway\n', '  - from: user\n');
    const diagnostic = onlyDiagnostic(text, 'MC111', {}, systemCardUri);
    assert.equal(textAt(text, diagnostic.range), 'user');
    assert.equal(diagnostic.message, '`data_flow[0].from` names no component: `user` is not the id of any of `components`.');
    assert.equal(diagnostic.data, undefined);
  });

  it("checks the components a failure mode names", () => {
    const text = completeSystemCard.replace('components: [retriever, generator]', 'components: [retriever, ranker]');
    const diagnostic = onlyDiagnostic(text, 'MC111', {}, systemCardUri);
    assert.equal(textAt(text, diagnostic.range), 'ranker');
    assert.match(diagnostic.message, /^`failure_modes\[0\]\.components\[1\]` names no component/);
  });

  it('leaves placeholders to the placeholder rule, and a card whose components are no list to the schema rules', () => {
    assert.deepEqual(diagnosticsWithCode(completeSystemCard, 'MC111', {}, systemCardUri), []);
    assert.deepEqual(diagnosticsWithCode(completeSystemCard.replace('    to: generator\n', '    to: TODO\n'), 'MC111', {}, systemCardUri), []);
    const noList = completeSystemCard.replace(/components:\n(  .*\n)+/, 'components: TODO\n');
    assert.deepEqual(diagnosticsWithCode(noList, 'MC111', {}, systemCardUri), []);
  });

  sharedRuleTests({ code: 'MC111', name: 'unknown-component', defaultSeverity: DiagnosticSeverity.Error }, typo, systemCardUri);
});
