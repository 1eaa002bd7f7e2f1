import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { cardDataRequest, cardSummaryRequest, governanceEditsRequest, renderRequest, type RenderedCard } from '../../server/src/protocol';
import { badInputs, invalidUtf8Card, startingCards, type BadInput } from '../helpers/badInputs';
import { seedSample } from '../helpers/cards';
import { LspTestClient } from '../helpers/lspClient';
import { lspLines, rangesOutside } from '../helpers/ranges';

const cliPath = path.resolve(__dirname, '../../dist/cli.js');
const defaultGuardMs = 15_000;
let nextUri = 0;
/** Model Card Studio's own requests: each answers about an open card (null only for a card the server does not have). */
const cardRequests = [renderRequest, cardSummaryRequest, cardDataRequest, governanceEditsRequest];
const freshUri = (name: string) => `file:///bad-input/${++nextUri}-${name.replace(/\W+/g, '-')}.modelcard.yaml`;

/** The range that covers all of `text`, for a change that replaces it. */
function wholeRange(text: string) {
  const lines = lspLines(text);
  return { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } };
}

/** The requests every card must be answered (standard and Model Card Studio's own), with their parameters for `text` at `uri`. */
function featureRequests(uri: string, text: string, diagnostics: Diagnostic[]): [string, unknown][] {
  const textDocument = { uri };
  const lines = lspLines(text);
  const end = wholeRange(text).end;
  const middle = { line: Math.floor(lines.length / 2), character: Math.floor(lines[Math.floor(lines.length / 2)].length / 2) };
  return [
    ...[{ line: 0, character: 0 }, middle, end].flatMap((position): [string, unknown][] => [
      ['textDocument/hover', { textDocument, position }],
      ['textDocument/completion', { textDocument, position }],
    ]),
    ['textDocument/documentSymbol', { textDocument }],
    ['textDocument/codeAction', { textDocument, range: wholeRange(text), context: { diagnostics } }],
    ['textDocument/foldingRange', { textDocument }],
    ['textDocument/selectionRange', { textDocument, positions: [{ line: 0, character: 0 }, middle, end] }],
    [renderRequest, { textDocument, audience: 'reviewer' }],
    [cardSummaryRequest, { textDocument }],
    [cardDataRequest, { textDocument }],
    [governanceEditsRequest, { textDocument, change: { status: 'in_review', review: { reviewer: 'Ada', decision: 'approved', date: '2024-05-01' } } }],
  ];
}

describe('the live server on bad input', function () {
  this.timeout(120_000);
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start();
  });

  after(() => {
    if (client.isRunning) client.kill();
  });

  /** Waits for the diagnostics of `version`, then checks the server is alive, its ranges, and the diagnostic due. */
  async function expectSurvived(uri: string, version: number, text: string, input: Pick<BadInput, 'due' | 'guardMs'>): Promise<PublishDiagnosticsParams> {
    const published = await client.waitForDiagnostics(uri, (params) => params.version === version, input.guardMs ?? defaultGuardMs);
    assert.ok(client.isRunning, 'the server exited');
    assert.deepEqual(rangesOutside(text, published.diagnostics), []);
    assert.deepEqual(published.diagnostics.filter((diagnostic) => String(diagnostic.message).includes('could not run rule')), []);
    assert.deepEqual(client.logs.filter((message) => /failed/.test(message)), []);
    const syntax = published.diagnostics.filter((diagnostic) => diagnostic.code === 'MC040');
    if (input.due === 'no syntax error') {
      assert.deepEqual(syntax, []);
    } else if (input.due === 'some finding') {
      assert.ok(published.diagnostics.length > 0, 'junk got no diagnostic');
    } else {
      const message = input.due;
      assert.ok(syntax.some((diagnostic) => message.test(String(diagnostic.message))), `no MC040 matching ${message} in ${JSON.stringify(syntax)}`);
    }
    return published;
  }

  /** Every request is answered (an error answer fails), with ranges inside the text; the card requests answer about the open card. */
  async function expectAnswers(uri: string, version: number, text: string, diagnostics: Diagnostic[]): Promise<void> {
    for (const [method, params] of featureRequests(uri, text, diagnostics)) {
      const result = await client.request<unknown>(method, params);
      assert.deepEqual(rangesOutside(text, result), [], method);
      if (cardRequests.includes(method)) assert.notEqual(result, null, `${method} answered null for an open card`);
      if (method === renderRequest) expectRenderedWithFindings(result as RenderedCard, version, diagnostics);
    }
    assert.deepEqual(client.logs.filter((message) => /failed/.test(message)), []);
  }

  /** The rendering is of the version published, and counts the findings published for it. */
  function expectRenderedWithFindings(rendered: RenderedCard, version: number, diagnostics: Diagnostic[]): void {
    const count = (severity: DiagnosticSeverity) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
    assert.deepEqual(
      { version: rendered.version, errors: rendered.errors, warnings: rendered.warnings },
      { version, errors: count(DiagnosticSeverity.Error), warnings: count(DiagnosticSeverity.Warning) },
    );
    assert.match(rendered.html, /^<header class="code-line card-header" data-line="0"><h1>/);
    assert.equal((rendered.html.match(/<li class="finding /g) ?? []).length, diagnostics.length);
  }

  for (const input of badInputs) {
    describe(input.name, () => {
      let text: string;
      let opened: PublishDiagnosticsParams;

      before(() => {
        text = input.text();
      });

      it('opened: the server stays up, with ranges inside the text and the diagnostic due', async () => {
        const uri = freshUri(input.name);
        await client.open(uri, text, 1);
        opened = await expectSurvived(uri, 1, text, input);
        await expectAnswers(uri, 1, text, opened.diagnostics);
        await client.close(uri);
      });

      it('reached by an incremental change from a good card: the same diagnostics, and requests still answered', async () => {
        const uri = freshUri(input.name);
        await client.open(uri, seedSample, 1);
        await client.waitForDiagnostics(uri, (params) => params.version === 1);
        await client.change(uri, 2, [{ range: wholeRange(seedSample), text }]);
        const changed = await expectSurvived(uri, 2, text, input);
        assert.deepEqual(changed.diagnostics, opened.diagnostics);
        await expectAnswers(uri, 2, text, changed.diagnostics);
        await client.close(uri);
      });
    });
  }

  describe('line endings and byte order marks', () => {
    const cards = startingCards();
    const typicalMistakes = cards.get('typical-mistakes.modelcard.yaml')!;
    const withoutLimitations = seedSample.replace('limitations: May misclassify rare images\n', '');

    async function diagnosticsOf(text: string): Promise<Diagnostic[]> {
      const uri = freshUri('endings');
      await client.open(uri, text, 1);
      const published = await expectSurvived(uri, 1, text, { due: 'no syntax error' });
      await client.close(uri);
      return published.diagnostics;
    }

    it('gives a CRLF card the same diagnostics, at the same ranges, as the LF card', async () => {
      for (const card of [typicalMistakes, withoutLimitations]) {
        const lf = await diagnosticsOf(card);
        assert.ok(lf.length > 0);
        assert.deepEqual(await diagnosticsOf(card.replace(/\n/g, '\r\n')), lf);
      }
    });

    it('does not shift ranges after a leading BOM: the same lines, and one more character on line 0 only', async () => {
      for (const card of [typicalMistakes, withoutLimitations]) {
        const plain = await diagnosticsOf(card);
        const shiftedOnLineZero = plain.map((diagnostic) => {
          const shift = (position: { line: number; character: number }) => (position.line === 0 ? { ...position, character: position.character + 1 } : position);
          return { ...diagnostic, range: { start: shift(diagnostic.range.start), end: shift(diagnostic.range.end) } };
        });
        assert.deepEqual(await diagnosticsOf(`\ufeff${card}`), shiftedOnLineZero);
      }
    });
  });

  describe('a file that is not valid UTF-8', () => {
    let folder: string;

    before(() => {
      folder = mkdtempSync(path.join(tmpdir(), 'modelcard-bad-utf8-'));
    });

    after(() => rmSync(folder, { recursive: true, force: true }));

    it('is linted by the CLI with findings (exit code 1), not a crash', async () => {
      const file = path.join(folder, 'broken.modelcard.yaml');
      writeFileSync(file, invalidUtf8Card());
      const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(process.execPath, [cliPath, 'lint', file], (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }));
      });
      assert.equal(code, 1, stderr);
      assert.match(stdout, /broken\.modelcard\.yaml:\d+:\d+ error MC\d{3} /);
      assert.doesNotMatch(stderr, /at .*\.js:\d+/);
    });
  });

  describe('after all of them', () => {
    it('is still running, and shuts down in order with exit code 0', async () => {
      assert.ok(client.isRunning);
      assert.equal(await client.shutdown(), 0);
    });
  });
});
