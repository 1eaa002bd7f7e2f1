import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { createLanguageService } from '../../server/src/service/languageService';
import { startingCards } from '../helpers/badInputs';
import { LspTestClient } from '../helpers/lspClient';
import { applyEdit, propertySeed, randomEdit, resolveEdit, type RandomEdit } from '../helpers/randomEdits';
import { positionAt, rangesOutside } from '../helpers/ranges';

/** One didChange notification: a few edits, each relative to the text the one before left; sometimes wait for its diagnostics. */
interface ChangeNotification {
  edits: RandomEdit[];
  waitForDiagnostics: boolean;
}

const changeNotification: fc.Arbitrary<ChangeNotification> = fc.record({
  edits: fc.array(randomEdit, { minLength: 1, maxLength: 3 }),
  // One notification in ten waits for its diagnostics; the others arrive in bursts.
  waitForDiagnostics: fc.nat({ max: 9 }).map((draw) => draw === 0),
});

/** Applies `edits` to `text` and gives the LSP content changes that say the same, with positions computed here. */
function contentChanges(text: string, edits: RandomEdit[]): { text: string; changes: TextDocumentContentChangeEvent[] } {
  const changes: TextDocumentContentChangeEvent[] = [];
  for (const edit of edits) {
    const resolved = resolveEdit(text, edit);
    changes.push({ range: { start: positionAt(text, resolved.start), end: positionAt(text, resolved.end) }, text: resolved.insert });
    text = applyEdit(text, resolved);
  }
  return { text, changes };
}

describe('one live server under a long random sequence of incremental edits (property)', function () {
  this.timeout(180_000);
  let client: LspTestClient;
  let run = 0;

  before(async () => {
    client = await LspTestClient.start();
  });

  after(() => {
    if (client.isRunning) client.kill();
  });

  it('publishes last the diagnostics of the last version, of the same text as ours, with ranges inside it, and stays up', async () => {
    const property = fc.asyncProperty(
      fc.constantFrom(...startingCards().values()),
      fc.array(changeNotification, { minLength: 50, maxLength: 150 }),
      async (card, notifications) => {
        const uri = `file:///random-edits/${++run}.modelcard.yaml`;
        let text = card;
        let version = 1;
        await client.open(uri, text, version);
        for (const notification of notifications) {
          const next = contentChanges(text, notification.edits);
          text = next.text;
          await client.change(uri, ++version, next.changes);
          if (notification.waitForDiagnostics) await client.waitForDiagnostics(uri, (params) => params.version === version);
        }
        const last = await client.waitForDiagnostics(uri, (params) => params.version === version);
        // A request answered after them proves no older validation was still on its way.
        await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        assert.ok(client.isRunning, 'the server exited');
        assert.equal(client.published.filter((params) => params.uri === uri).at(-1), last);
        assert.deepEqual(rangesOutside(text, last.diagnostics), []);
        // The same diagnostics as a fresh service finds in our copy: the server applied the edits as we did.
        const expected = createLanguageService().validate(TextDocument.create(uri, 'modelcard', version, text));
        assert.deepEqual(last.diagnostics, JSON.parse(JSON.stringify(expected)));
        await client.close(uri);
      },
    );
    await fc.assert(property, { seed: propertySeed, numRuns: 12 });
    assert.deepEqual(client.logs.filter((message) => /failed/.test(message)), []);
    assert.equal(await client.shutdown(), 0);
  });
});
