import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, SelectionRange } from 'vscode-languageserver-types';
import { actionEdits, applyTextEdits } from '../helpers/codeActionEdits';
import { LspTestClient } from '../helpers/lspClient';

const cardWithoutLimitations = `# An image classifier
name: ImageClassifier
version: '1.0'
metrics:
  accuracy: 0.92

environment:
  hardware: 1x A100
`;

const withLimitations = `# An image classifier
name: ImageClassifier
version: '1.0'
metrics:
  accuracy: 0.92

limitations:
  - TODO a known failure mode

environment:
  hardware: 1x A100
`;

const smilingDetection = readFileSync(path.resolve(__dirname, '../../examples/smiling-detection.modelcard.yaml'), 'utf8');

describe('authoring assistance on the live server', () => {
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start();
  });

  after(() => client.kill());

  it('advertises quick fixes, document symbols, folding ranges and selection ranges', () => {
    const { capabilities } = client.initializeResult;
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.modelcard'] });
    assert.ok(capabilities.documentSymbolProvider);
    assert.equal(capabilities.foldingRangeProvider, true);
    assert.equal(capabilities.selectionRangeProvider, true);
  });

  /** Opens `text`, applies the quick fix for its published MC001 diagnostic, and returns the text after the fix. */
  async function fixMissingLimitations(uri: string, text: string): Promise<string> {
    await client.open(uri, text, 1);
    const published = await client.waitForDiagnostics(uri, (params) => params.version === 1);
    const missing = published.diagnostics.find((diagnostic) => diagnostic.code === 'MC001');
    assert.ok(missing, 'MC001 is published');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: missing.range, context: { diagnostics: [missing] } });
    const fix = actions.find((action) => action.title === 'Add `limitations`');
    assert.ok(fix, `the fix is offered among ${actions.map((action) => action.title).join(', ')}`);
    assert.deepEqual(fix.diagnostics, [missing]);
    const fixed = applyTextEdits(text, actionEdits(fix, uri));
    await client.change(uri, 2, [{ text: fixed }]);
    const after = await client.waitForDiagnostics(uri, (params) => params.version === 2);
    assert.deepEqual(after.diagnostics.filter((diagnostic: Diagnostic) => diagnostic.code === 'MC001'), []);
    return fixed;
  }

  it('fixes a missing limitations section: the code action edit, applied and sent back, clears MC001', async () => {
    assert.equal(await fixMissingLimitations('file:///work/fix-lf.modelcard.yaml', cardWithoutLimitations), withLimitations);
  });

  it('keeps a CRLF card CRLF through the fix', async () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    const fixed = await fixMissingLimitations('file:///work/fix-crlf.modelcard.yaml', crlf(cardWithoutLimitations));
    assert.equal(fixed, crlf(withLimitations));
    assert.doesNotMatch(fixed, /(?<!\r)\n/);
  });

  describe('on the smiling-detection example', () => {
    const uri = 'file:///work/smiling-detection.modelcard.yaml';

    before(async () => {
      await client.open(uri, smilingDetection, 1);
      await client.waitForDiagnostics(uri, (params) => params.version === 1);
    });

    it('returns the section tree as document symbols', async () => {
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      const topLevelKeys = smilingDetection.split('\n').flatMap((line) => /^([a-z_]+):/.exec(line)?.[1] ?? []);
      assert.deepEqual(symbols.map((symbol) => symbol.name), topLevelKeys);
      const metrics = symbols.find((symbol) => symbol.name === 'metrics')!;
      assert.deepEqual(metrics.range, { start: { line: 51, character: 0 }, end: { line: 87, character: 64 } });
      assert.deepEqual(metrics.selectionRange, { start: { line: 51, character: 0 }, end: { line: 51, character: 7 } });
      assert.deepEqual(metrics.children!.map((result) => result.name), [
        'false_positive_rate (overall)',
        'false_positive_rate (age: old, gender: male)',
        'false_positive_rate (age: young, gender: female)',
        'false_negative_rate (overall)',
        'false_negative_rate (age: old, gender: male)',
        'false_negative_rate (age: young, gender: female)',
      ]);
      const datasets = symbols.find((symbol) => symbol.name === 'evaluation_data')!.children!;
      assert.deepEqual(datasets.map((dataset) => dataset.name), ['celeba-test']);
    });

    it('returns folding ranges for the header comment and the sections', async () => {
      const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
      assert.deepEqual(ranges[0], { startLine: 0, endLine: 1, kind: 'comment' });
      assert.ok(ranges.some((range) => range.startLine === 51 && range.endLine === 87), 'metrics folds');
      assert.ok(ranges.some((range) => range.startLine === 8 && range.endLine === 10), 'the folded architecture text folds');
    });

    it('returns selection ranges from a value out to the document', async () => {
      const [selection] = await client.request<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions: [{ line: 59, character: 12 }] });
      const ranges: string[] = [];
      for (let current: SelectionRange | undefined = selection; current; current = current.parent) {
        ranges.push(`${current.range.start.line}:${current.range.start.character}-${current.range.end.line}:${current.range.end.character}`);
      }
      assert.deepEqual(ranges, ['59:11-59:15', '59:4-59:15', '58:4-63:64', '52:2-87:64', '51:0-87:64', '2:0-138:29', '0:0-139:0']);
    });
  });
});
