import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { languageServerRunning, openCard } from './helpers';

describe('completion', () => {
  // The completion provider is the language client's, registered once the server has started.
  before(languageServerRunning);

  it('offers the missing top-level sections of the seed sample, not the keys it has', async () => {
    const { document } = await openCard('seed.modelcard.yaml');
    const endOfCard = document.lineAt(document.lineCount - 1).range.end;
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, endOfCard);
    const labels = completions.items.map(({ label }) => (typeof label === 'string' ? label : label.label));
    for (const missing of ['intended_use', 'ethical_considerations', 'evaluation_data']) assert.ok(labels.includes(missing), `no ${missing} in ${labels.join(', ')}`);
    for (const present of ['name', 'metrics', 'limitations']) assert.ok(!labels.includes(present), `${present} is offered again`);
  });
});
