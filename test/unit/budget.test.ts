import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateCard } from '../../bench/generateCard';
import { createLanguageService } from '../../server/src/service/languageService';
import { Job, OutOfBudget, type Budget } from '../../server/src/service/steps';
import { runInSlices } from '../../server/src/lsp/runInSlices';

/** A budget that lets `steps` steps of work run, counted by its checks (no clock). */
function stepBudget(steps: number): Budget {
  let left = steps;
  return { isSpent: () => left-- <= 0 };
}

const large = generateCard(3000).text;
const uri = 'file:///budget/large.modelcard.yaml';

describe('work within a budget', () => {
  it('answers with what it has while a large card is not read, and goes on from there at the next request', () => {
    const service = createLanguageService();
    const document = TextDocument.create(uri, 'modelcard', 1, large);
    const nothingLeft = service.within(stepBudget(0));
    const position = { line: 100, character: 4 };
    assert.deepEqual(nothingLeft.complete(document, position), { isIncomplete: true, items: [] });
    assert.equal(nothingLeft.hover(document, position), null);
    assert.deepEqual(nothingLeft.codeActions(document, { diagnostics: [] }), []);
    assert.deepEqual(nothingLeft.documentSymbols(document).map((symbol) => symbol.name), ['The card is still being read: its outline comes next']);
    assert.deepEqual(nothingLeft.foldingRanges(document), []);
    assert.deepEqual(nothingLeft.selectionRanges(document, [position]), [{ range: { start: { line: 0, character: 0 }, end: { line: 2999, character: 0 } } }]);
    assert.deepEqual(nothingLeft.summarize(document), {});
    const rendered = nothingLeft.render(document, 'developer');
    assert.equal(rendered.incomplete, true);
    assert.match(rendered.html, /still being read/);
    assert.throws(() => nothingLeft.exportData(document), OutOfBudget);
    assert.throws(() => nothingLeft.governanceEdits(document, { status: 'in_review' }), OutOfBudget);
    assert.deepEqual(nothingLeft.codeLenses(document), []);
    const system = TextDocument.create('file:///budget/large.systemcard.yaml', 'systemcard', 1, `name: S\ncomponents:\n${'  - {id: c, kind: model}\n'.repeat(3000)}`);
    assert.throws(() => createLanguageService().within(stepBudget(0)).diagramMermaid(system), OutOfBudget);

    // Requests of a few steps each read the card chunk by chunk, one parse between them.
    let requests = 1;
    while (service.within(stepBudget(3)).documentSymbols(document)[0].name.startsWith('The card is still')) requests++;
    assert.ok(requests > 3, `read in ${requests} requests`);
    assert.equal(service.parseCount, 1);
    assert.deepEqual(service.within(stepBudget(0)).documentSymbols(document), createLanguageService().documentSymbols(document));
  });

  it('renders the sections that fit in the budget, and says the rendering is incomplete', () => {
    const service = createLanguageService();
    const document = TextDocument.create(uri, 'modelcard', 1, large);
    service.validate(document);
    const partial = service.within(stepBudget(2)).render(document, 'developer');
    assert.equal(partial.incomplete, true);
    assert.equal((partial.html.match(/<section id="/g) ?? []).length, 3, 'model details and the first two sections');
    assert.match(partial.html, /<p class="notice">The rest of this card is large and comes in a moment\.<\/p>/);
    const whole = service.render(document, 'developer');
    assert.equal(whole.incomplete, undefined);
    assert.doesNotMatch(whole.html, /class="notice"/);
  });

  it('validates in steps, a chunk or a rule per step, to the same diagnostics', () => {
    const document = TextDocument.create(uri, 'modelcard', 1, large.replace('value: 0.', 'value: high'));
    const steps = createLanguageService().validateSteps(document);
    let count = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) count++;
    assert.ok(count > 20, `${count} steps`);
    assert.deepEqual(step.value, createLanguageService().validate(document));
    assert.ok(step.value.some((diagnostic) => diagnostic.code === 'MC011'));
  });

  it('gives every caller of work that threw its error, never a result', () => {
    const job = new Job(
      (function* () {
        yield;
        throw new RangeError('Maximum call stack size exceeded');
      })(),
    );
    assert.equal(job.runWithin(stepBudget(0)), undefined);
    assert.throws(() => job.runWithin(stepBudget(5)), RangeError);
    assert.throws(() => [...job.steps()], RangeError);
    assert.equal(job.isDone, false);
  });

  it('runs steps in slices, between turns of the event loop, and stops when the result is no longer wanted', async () => {
    let turns = 0;
    const nextTurn = async () => void turns++;
    const endless = (function* () {
      for (;;) yield;
    })();
    assert.equal(await runInSlices(endless, () => turns < 3, nextTurn), undefined);
    assert.equal(turns, 3);
    const finite = (function* () {
      yield;
      return 'done';
    })();
    assert.equal(await runInSlices(finite, () => true, nextTurn), 'done');
  });
});
