import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, hasCode, openCard, waitForDiagnostics } from './helpers';

describe('quick fix', () => {
  it('adds the missing `limitations` and its diagnostic goes away', async () => {
    const { document } = await openCard('missing-limitations.modelcard.yaml');
    const before = document.getText();
    const diagnostics = await waitForDiagnostics(document.uri, hasCode('MC001'));
    const missingLimitations = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'MC001')!;

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, missingLimitations.range);
    const addLimitations = actions.find((action) => action.title === 'Add `limitations`');
    assert.ok(addLimitations?.edit, `no "Add \`limitations\`" among: ${actions.map((action) => action.title).join(', ')}`);
    assert.equal(addLimitations.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(await vscode.workspace.applyEdit(addLimitations.edit));

    assert.equal(document.getText(), `${before}limitations:\n  - TODO a known failure mode\n`);
    // The new version's diagnostics: MC001 gone, the placeholder left to fill in flagged instead.
    const after = await waitForDiagnostics(document.uri, (current) => !hasCode('MC001')(current) && hasCode('MC030')(current));
    const placeholder = after.find((diagnostic) => codeOf(diagnostic) === 'MC030')!;
    assert.equal(placeholder.range.start.line, document.lineCount - 2);
  });
});
