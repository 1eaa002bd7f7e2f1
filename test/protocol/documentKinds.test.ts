import assert from 'node:assert/strict';
import type { CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-types';
import { completeDatasheet, completeSystemCard } from '../helpers/kindDocuments';
import { LspTestClient } from '../helpers/lspClient';

const datasheetUri = 'file:///work/data/faces.datasheet.yaml';
const systemCardUri = 'file:///work/systems/assistant.systemcard.yaml';

/** A datasheet missing its collection process (MC100) whose personal data has no consent (MC101). */
const datasheet = completeDatasheet.replace(/collection_process:\n {2}acquisition: .*\n/, '').replace('  consent: Every volunteer signed a consent form\n', '');
/** A system card whose second edge goes to a component that does not exist (MC111); without links to cards, which the workspace would check. */
const systemCard = completeSystemCard.replace('    to: generator\n', '    to: generatr\n').replace(/ {4}card: .*\n/g, '');

const lineOf = (text: string, line: string) => text.split('\n').indexOf(line);
const findings = (diagnostics: Diagnostic[]) => diagnostics.map(({ code, range }) => ({ code, range }));
const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

describe('datasheets and system cards on the live server (opened with their editor language ids)', () => {
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start();
  });

  after(() => client.kill());

  it('publishes a datasheet’s own findings at their places', async () => {
    await client.open(datasheetUri, datasheet, 1, 'datasheet');
    const { diagnostics } = await client.waitForDiagnostics(datasheetUri, (params) => params.version === 1);
    const present = lineOf(datasheet, '  present: true');
    assert.deepEqual(findings(diagnostics), [
      { code: 'MC100', range: range(0, 0, 4) },
      { code: 'MC101', range: range(present, 11, 15) },
    ]);
  });

  it('publishes a system card’s own findings at their places', async () => {
    await client.open(systemCardUri, systemCard, 1, 'systemcard');
    const { diagnostics } = await client.waitForDiagnostics(systemCardUri, (params) => params.version === 1);
    const edge = lineOf(systemCard, '    to: generatr');
    assert.deepEqual(findings(diagnostics), [{ code: 'MC111', range: range(edge, 8, 16) }]);
  });

  it('completes a datasheet’s missing section from the datasheet schema, not a model card’s', async () => {
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: datasheetUri }, position: { line: lineOf(datasheet, 'preprocessing:'), character: 0 } });
    const labels = list.items.map((item) => item.label);
    assert.ok(labels.includes('collection_process'), labels.join(', '));
    for (const modelCardSection of ['intended_use', 'quantitative_analyses', 'limitations']) assert.ok(!labels.includes(modelCardSection), modelCardSection);
    for (const written of ['motivation', 'composition']) assert.ok(!labels.includes(written), written);
  });

  it('explains a datasheet section with its guiding questions on hover', async () => {
    const line = lineOf(datasheet, 'motivation:');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: datasheetUri }, position: { line, character: 3 } });
    assert.match((hover.contents as MarkupContent).value, /\*\*Motivation\*\* \(Gebru et al\.[\s\S]*For what purpose was the dataset created\?/);
    assert.deepEqual(hover.range, range(line, 0, 10));
  });

  it('completes a data-flow edge’s end with the system card’s component ids', async () => {
    const edge = lineOf(systemCard, '    to: generatr');
    const list = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: systemCardUri }, position: { line: edge, character: 8 } });
    const labels = list.items.map((item) => item.label);
    for (const id of ['gateway', 'retriever', 'generator']) assert.ok(labels.includes(id), `${id} in ${labels.join(', ')}`);
  });

  it('explains `data_flow` from the system card schema on hover', async () => {
    const line = lineOf(systemCard, 'data_flow:');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: systemCardUri }, position: { line, character: 2 } });
    assert.match((hover.contents as MarkupContent).value, /\*\*Data flow\*\*: the edges between components/);
    assert.deepEqual(hover.range, range(line, 0, 9));
  });
});
