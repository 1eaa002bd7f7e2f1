import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { ErrorCodes } from 'vscode-jsonrpc';
import type { Diagnostic, Position, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { cardDataRequest, cardSummaryRequest, diagramMermaidRequest, exportCardRequest, governanceEditsRequest, importCardRequest, renderRequest } from '../../server/src/protocol';
import { exportFormatIds, importFormatIds, type ExportFormatId, type ImportFormatId } from '../../server/src/service/formats/formatTypes';
import { deepFlowPairs, nestedCollectionKeys, sequenceKeys, startingCards } from './badInputs';
import { LspTestClient } from './lspClient';
import { protocolProblems } from './protocolValidity';
import { applyEdit, randomEdit, resolveEdit, type RandomEdit } from './randomEdits';
import { lspLines, positionAt } from './ranges';

/**
 * The fuzz test of issue 12: random incremental edits of the example cards and of pathological
 * cards against one live server, and after every few edits every request at random positions.
 * Every answer must come within 2 s, with valid ranges, and never as an internal error.
 *
 * MODELCARD_FUZZ_SEED sets the seed (printed). A failure saves the card, the edits and the request
 * that failed to a file under the OS's temporary folder, and names it in the failure.
 */
const seed = Number(process.env.MODELCARD_FUZZ_SEED ?? 20_241_212);
const editsPerSession = 500;
const editsPerRound = 10;
const answerBudgetMs = 2_000;
/** Past this size, edits delete and insert no long lines: the cards stay cards. */
const maxTextLength = 300_000;

/** Lines that cost a parser something: very long, deeply bracketed, full of placeholders or of list markers. */
const longLines = [
  `summary: ${'x'.repeat(20_000)}\n`,
  `x-todo: ${'TODO '.repeat(4_000)}\n`,
  `x-deep: ${'['.repeat(3_000)}\n`,
  `${'- '.repeat(3_000)}a\n`,
  `x-map: ${'{a: '.repeat(2_000)}\n`,
  `"${'é'.repeat(5_000)}": x\n`,
];
const fraction = fc.double({ min: 0, max: 1, noNaN: true });
/** YAML that the random edits of the other tests insert rarely: tags, complex keys, anchors on collections. */
const yamlFragment = fc.constantFrom('!!tag ', '!!binary ', '!!set ', '!!omap ', '? - ', '? [a]: ', '&a [', '*a, ', '<<: *a\n', ': ', '\t', '\r', '\r\n', '\0', '\ud800', '\udfff');
const fuzzEdit: fc.Arbitrary<RandomEdit> = fc.oneof(
  { arbitrary: randomEdit, weight: 12 },
  {
    arbitrary: fc.record({
      at: fraction,
      deleteCount: fc.nat({ max: 3 }),
      insert: yamlFragment,
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      at: fraction,
      deleteCount: fc.constant(0),
      insert: fc.constantFrom(...longLines),
    }),
    weight: 1,
  },
  {
    arbitrary: fc.record({
      at: fraction,
      deleteCount: fc.nat({ max: 20_000 }),
      insert: fc.constant(''),
    }),
    weight: 1,
  },
);

/** What a round of requests asks for, at random positions (fractions of the lines and of a line). */
interface Round {
  positions: { line: number; character: number }[];
  audience: 'developer' | 'reviewer' | 'compliance' | 'public';
  /** The card exported to, and the text imported as (a README.md, an MCT JSON or a Markdown card). */
  exportFormat: ExportFormatId;
  importFormat: ImportFormatId;
}
const round: fc.Arbitrary<Round> = fc.record({
  positions: fc.array(fc.record({ line: fraction, character: fraction }), {
    minLength: 3,
    maxLength: 3,
  }),
  audience: fc.constantFrom('developer', 'reviewer', 'compliance', 'public'),
  exportFormat: fc.constantFrom(...exportFormatIds),
  importFormat: fc.constantFrom(...importFormatIds),
});

const startingTexts = [...startingCards().values(), deepFlowPairs(2_000), nestedCollectionKeys(150), sequenceKeys(100), [...startingCards().values()][1].replace(/\n/g, '\r')];

function positionsIn(text: string, fractions: { line: number; character: number }[]): Position[] {
  const lines = lspLines(text);
  return fractions.map(({ line, character }) => {
    const index = Math.min(lines.length - 1, Math.floor(line * lines.length));
    return {
      line: index,
      character: Math.floor(character * lines[index].length),
    };
  });
}

/** Every request the server answers, with its positions, about `text` at `uri`. */
function requests(uri: string, text: string, { positions, audience, exportFormat, importFormat }: Round, diagnostics: Diagnostic[]): { method: string; params: unknown; positions: Position[] }[] {
  const textDocument = { uri };
  const at = positionsIn(text, positions);
  const lines = lspLines(text);
  const whole = {
    start: { line: 0, character: 0 },
    end: { line: lines.length - 1, character: lines[lines.length - 1].length },
  };
  return [
    ...at.slice(0, 2).flatMap((position) => [
      {
        method: 'textDocument/completion',
        params: { textDocument, position },
        positions: [position],
      },
      {
        method: 'textDocument/hover',
        params: { textDocument, position },
        positions: [position],
      },
    ]),
    {
      method: 'textDocument/documentSymbol',
      params: { textDocument },
      positions: [],
    },
    {
      method: 'textDocument/foldingRange',
      params: { textDocument },
      positions: [],
    },
    {
      method: 'textDocument/selectionRange',
      params: { textDocument, positions: at },
      positions: at,
    },
    {
      method: 'textDocument/codeAction',
      params: { textDocument, range: whole, context: { diagnostics } },
      positions: [],
    },
    {
      method: renderRequest,
      params: { textDocument, audience },
      positions: [],
    },
    { method: cardSummaryRequest, params: { textDocument }, positions: [] },
    { method: cardDataRequest, params: { textDocument }, positions: [] },
    { method: 'textDocument/codeLens', params: { textDocument }, positions: [] },
    { method: diagramMermaidRequest, params: { textDocument }, positions: [] },
    { method: exportCardRequest, params: { textDocument, format: exportFormat, evalResults: true }, positions: [] },
    // The edited text read as a source to import: front matter and Markdown, or JSON, however broken.
    { method: importCardRequest, params: { fileName: importFormat === 'mct' ? 'card.json' : 'README.md', text, format: importFormat }, positions: [] },
    {
      method: governanceEditsRequest,
      params: {
        textDocument,
        change: {
          status: 'in_review',
          review: { reviewer: 'Ada', decision: 'approved', date: '2024-05-01' },
        },
      },
      positions: [],
    },
  ];
}

/** The fuzz test with `editCount` edits, as a mocha suite. */
export function describeFuzz(editCount: number): void {
  describe(`the live server under ${editCount.toLocaleString('en-US')} random edits, answering every request in time (fuzz, seed ${seed})`, function () {
    this.timeout(3_600_000);
    let client: LspTestClient;

    before(async () => {
      console.log(`    fuzz seed ${seed} (set MODELCARD_FUZZ_SEED to replay), ${editCount} edits`);
      client = await LspTestClient.start();
    });

    after(() => {
      if (client.isRunning) client.kill();
    });

    it('answers every request within 2 s, with valid ranges, never with an internal error', async () => {
      const edits = fc.sample(fuzzEdit, { seed, numRuns: editCount });
      const rounds = fc.sample(round, {
        seed: seed + 1,
        numRuns: Math.ceil(editCount / editsPerRound),
      });
      const starts = fc.sample(fc.nat({ max: startingTexts.length - 1 }), {
        seed: seed + 2,
        numRuns: Math.ceil(editCount / editsPerSession),
      });
      let slowest = 0;
      for (let session = 0; session * editsPerSession < editCount; session++) {
        const uri = `file:///fuzz/${seed}-${session}.modelcard.yaml`;
        const card = startingTexts[starts[session]];
        let text = card;
        let version = 1;
        const applied: { start: number; end: number; insert: string }[] = [];
        await client.open(uri, text, version);
        const sessionEdits = edits.slice(session * editsPerSession, (session + 1) * editsPerSession);
        for (const [index, edit] of sessionEdits.entries()) {
          const shrinking = text.length > maxTextLength;
          const resolved = resolveEdit(text, shrinking ? { at: edit.at, deleteCount: 50_000, insert: '' } : edit);
          const change: TextDocumentContentChangeEvent = {
            range: {
              start: positionAt(text, resolved.start),
              end: positionAt(text, resolved.end),
            },
            text: resolved.insert,
          };
          text = applyEdit(text, resolved);
          applied.push(resolved);
          await client.change(uri, ++version, [change]);
          if ((index + 1) % editsPerRound !== 0) continue;
          const diagnostics = client.published.filter((params) => params.uri === uri).at(-1)?.diagnostics ?? [];
          for (const request of requests(uri, text, rounds[((session * editsPerSession + index) / editsPerRound) | 0], diagnostics)) {
            const sent = performance.now();
            const answer = await client.request<unknown>(request.method, request.params).then(
              (result) => ({ result }),
              (error: { code?: number; message?: string }) => ({ error }),
            );
            const elapsed = performance.now() - sent;
            slowest = Math.max(slowest, elapsed);
            const problems = [
              ...(elapsed > answerBudgetMs ? [`answered in ${Math.round(elapsed)} ms`] : []),
              ...('error' in answer
                ? answer.error.code === ErrorCodes.InternalError
                  ? [`internal error: ${answer.error.message}`]
                  : []
                : protocolProblems(request.method, answer.result, text, request.positions)),
              // A failure the server logs (in validation, or in a request it then answered with its fallback).
              ...client.logs.filter((message) => /failed/.test(message)).map((message) => message.split('\n', 1)[0]),
            ];
            if (problems.length > 0) {
              const saved = saveFailure({
                seed,
                card,
                edits: applied,
                request,
                problems,
              });
              assert.fail(`${request.method} after edit ${index + 1} of session ${session}: ${problems.join('; ')} (saved to ${saved})`);
            }
          }
        }
        const last = await client.waitForDiagnostics(uri, (params) => params.version === version, 60_000);
        assert.deepEqual(protocolProblems('textDocument/publishDiagnostics', last.diagnostics, text, []), []);
        await client.close(uri);
      }
      assert.deepEqual(
        client.logs.filter((message) => /failed/.test(message)),
        [],
      );
      assert.ok(client.isRunning);
      console.log(`    slowest answer: ${Math.round(slowest)} ms`);
    });
  });
}

/** Writes what reproduces a failure to a new folder under the OS's temporary folder, and gives the file's path. */
function saveFailure(failure: unknown): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'modelcard-fuzz-')), `failure-seed-${seed}.json`);
  writeFileSync(file, JSON.stringify(failure, null, 1));
  return file;
}
