import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { createLanguageService, type LanguageService } from '../../server/src/service/languageService';
import type { Run } from '../../server/src/service/trackers/trackerTypes';
import { startingCards } from '../helpers/badInputs';
import { applyEdit, propertySeed, randomEdit, resolveEdit } from '../helpers/randomEdits';
import { lspLines, rangesOutside } from '../helpers/ranges';
import { samplePolicy } from '../helpers/policies';
import { audiences, defaultSettings, earlierAudiences } from '../../server/src/protocol';

type FeatureCall = (service: LanguageService, document: TextDocument, positions: Position[], diagnostics: Diagnostic[]) => unknown;

/** Every feature of the language service, called the way its clients call it. */
/** A run as a tracker reader returns it, for fill. */
const sampleRun: Run = {
  tracker: 'mlflow',
  id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
  experiment: 'churn',
  status: 'FINISHED',
  deleted: false,
  metrics: { accuracy: { value: 0.91, step: 2, timestamp: 0 }, f1: { value: NaN, step: 0, timestamp: 0 } },
  params: { learning_rate: '0.001', optimizer: 'adam' },
  tags: {},
  notices: [],
};

const featureCalls: Record<string, FeatureCall> = {
  complete: (service, document, positions) => positions.map((position) => service.complete(document, position)),
  hover: (service, document, positions) => positions.map((position) => service.hover(document, position)),
  codeActions: (service, document, _positions, diagnostics) => [
    service.codeActions(document, { diagnostics }),
    service.codeActions(document, { diagnostics, only: ['source.fixAll'] }),
  ],
  fixAll: (service, document) => service.fixAll(document).fixes,
  migrate: (service, document) => service.migrate(document),
  codeLenses: (service, document) => service.codeLenses(document, { ...defaultSettings, policy: samplePolicy }),
  documentSymbols: (service, document) => service.documentSymbols(document),
  foldingRanges: (service, document) => service.foldingRanges(document),
  selectionRanges: (service, document, positions) => service.selectionRanges(document, positions),
  render: (service, document) => ([...audiences, ...earlierAudiences] as const).map((audience) => service.render(document, audience, { ...defaultSettings, policy: samplePolicy })),
  renderMarkdown: (service, document) => ([...audiences, ...earlierAudiences] as const).map((audience) => service.renderMarkdown(document, audience)),
  summarize: (service, document) => service.summarize(document),
  documentSummary: (service, document) => service.documentSummary(document),
  links: (service, document) => service.links(document),
  indexEntry: (service, document) => service.indexEntry(document),
  diagramMermaid: (service, document) => service.diagramMermaid(document) ?? null,
  exportData: (service, document) => service.exportData(document),
  fillFromRun: (service, document) => [
    service.fillFromRun(document, { run: sampleRun, store: 'mlflow.db' }),
    service.fillFromRun(document, { run: sampleRun, store: 'mlflow.db', metrics: '*', params: '*', precision: 2, modelVersion: { name: 'm', version: 2, runId: sampleRun.id, aliases: [] } }),
  ],
  governanceEdits: (service, document) => [
    service.governanceEdits(document, { status: 'in_review' }),
    service.governanceEdits(document, { status: 'approved', review: { reviewer: 'Ada', decision: 'approved', date: '2024-05-01' } }),
    service.governanceEdits(document, { signOff: { section: 'metrics', role: 'data science', name: 'Ada', date: '2024-05-01' } }),
  ],
};
/** Members of the facade that are not features over a document's text. */
const notFeatures = ['kindOf', 'parse', 'parseSteps', 'validate', 'validateSteps', 'within', 'forget'];

/** Positions at the given fractions of the text, and two a client should not send but might (past a line's end, past the last line). */
function positionsIn(document: TextDocument, fractions: number[]): Position[] {
  const text = document.getText();
  const lastLine = lspLines(text).length - 1;
  return [
    ...fractions.map((fraction) => document.positionAt(Math.floor(fraction * (text.length + 1)))),
    { line: 0, character: 10_000 },
    { line: lastLine + 3, character: 2 },
  ];
}

/** Runs validation and every feature on `text`: none may throw, every result must cross JSON-RPC, every range must lie inside the text. */
function checkEveryFeature(text: string, fractions: number[]): void {
  const service = createLanguageService();
  const document = TextDocument.create('file:///random/edited.modelcard.yaml', 'modelcard', 1, text);
  const diagnostics = service.validate(document);
  assert.deepEqual(rangesOutside(text, diagnostics), [], 'diagnostics');
  assert.deepEqual(diagnostics.filter((diagnostic) => String(diagnostic.message).includes('could not run rule')), []);
  const positions = positionsIn(document, fractions);
  for (const [name, call] of Object.entries(featureCalls)) {
    const result = call(service, document, positions, diagnostics);
    assert.doesNotThrow(() => JSON.stringify(result), name);
    assert.deepEqual(rangesOutside(text, result), [], name);
  }
}

describe('random edits of the example cards (property)', function () {
  this.timeout(120_000);
  const cards = [...startingCards().values()];

  it('covers every feature the language service offers', () => {
    const service = createLanguageService() as unknown as Record<string, unknown>;
    const features = Object.keys(service).filter((name) => typeof service[name] === 'function' && !notFeatures.includes(name));
    assert.deepEqual(features.filter((name) => !(name in featureCalls)), [], 'add the new feature to featureCalls');
  });

  it('never throws, and keeps every range of every feature inside the edited text (300 runs)', () => {
    const property = fc.property(
      fc.constantFrom(...cards),
      fc.array(randomEdit, { minLength: 1, maxLength: 12 }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }),
      (card, edits, fractions) => {
        const text = edits.reduce((current, edit) => applyEdit(current, resolveEdit(current, edit)), card);
        checkEveryFeature(text, fractions);
      },
    );
    fc.assert(property, { seed: propertySeed, numRuns: 300 });
  });
});
