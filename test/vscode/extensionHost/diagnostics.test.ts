import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, hasCode, openCard, waitForDiagnostics } from './helpers';

describe('diagnostics', () => {
  it('arrive for the typical-mistakes card, with their codes and exact ranges', async () => {
    const { document } = await openCard('typical-mistakes.modelcard.yaml');
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('MC022'));
    const byCode = (code: string) => diagnostics.find((diagnostic) => codeOf(diagnostic) === code);

    const unknownKey = byCode('MC010');
    assert.ok(unknownKey, 'no MC010 for `licence`');
    assert.equal(document.getText(unknownKey.range), 'licence');
    assert.equal(unknownKey.severity, vscode.DiagnosticSeverity.Error);
    assert.match(unknownKey.message, /Did you mean `license`\?/);

    const versionAsNumber = byCode('MC044');
    assert.ok(versionAsNumber, 'no MC044 for `version: 1.10`');
    assert.deepEqual(versionAsNumber.range, new vscode.Range(3, 9, 3, 13));
    assert.equal(versionAsNumber.severity, vscode.DiagnosticSeverity.Warning);

    const outOfRange = byCode('MC022');
    assert.ok(outOfRange);
    assert.equal(document.getText(outOfRange.range), '91.5');
  });
});
