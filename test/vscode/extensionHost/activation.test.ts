import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, languageServerRunning, openCard, waitFor } from './helpers';

describe('activation', () => {
  it('opens a card as a model card, activates the extension, and its language server starts', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not loaded`);
    const editor = await openCard('typical-mistakes.modelcard.yaml');
    assert.equal(editor.document.languageId, 'modelcard');
    await waitFor(() => extension.isActive || undefined, `${extensionId} to activate`);
    // Activation returns before the server has started; the tests after this one find it running.
    await languageServerRunning();
  });
});
