import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/service/languageService';
import { cardDocument, range } from '../../helpers/cards';
import { actionEdits, applyTextEdits } from '../../helpers/codeActionEdits';

const addAllTitle = 'Add all missing recommended sections';

const examplesFolder = path.resolve(__dirname, '../../../examples');

function exampleCard(name: string): string {
  return readFileSync(path.join(examplesFolder, `${name}.modelcard.yaml`), 'utf8');
}

/** The card's diagnostics and the code actions offered for those with `code` (all of them when absent). */
function actionsFor(text: string, code?: string): { uri: string; diagnostics: Diagnostic[]; actions: CodeAction[] } {
  const service = createLanguageService();
  const document = cardDocument(text);
  const diagnostics = service.validate(document);
  const inContext = code === undefined ? diagnostics : diagnostics.filter((diagnostic) => diagnostic.code === code);
  return { uri: document.uri, diagnostics, actions: service.codeActions(document, { diagnostics: inContext }) };
}

/** The text after the one quick fix offered for the one diagnostic with `code`. */
function fixed(text: string, code: string): string {
  const { uri, actions } = actionsFor(text, code);
  const quickFixes = actions.filter((action) => action.title !== addAllTitle);
  assert.equal(quickFixes.length, 1, `one quick fix for ${code}: ${quickFixes.map((action) => action.title).join(', ')}`);
  return applyTextEdits(text, actionEdits(quickFixes[0], uri));
}

/** The text after "Add all missing recommended sections". */
function allSectionsAdded(text: string): string {
  const { uri, actions } = actionsFor(text);
  const addAll = actions.find((action) => action.title === addAllTitle);
  assert.ok(addAll, 'the fix-all is offered');
  return applyTextEdits(text, actionEdits(addAll, uri));
}

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

describe('code actions: inserting a missing key', () => {
  it('offers nothing for diagnostics of an earlier version that start or end past this one (a client may send them)', () => {
    const service = createLanguageService();
    const document = cardDocument('name: x\n');
    const current = service.validate(document);
    for (const staleRange of [range(0, 0, 3, 2), range(0, 9, 0, 10)]) {
      const stale = current.map((diagnostic) => ({ ...diagnostic, range: staleRange }));
      assert.deepEqual(service.codeActions(document, { diagnostics: stale }), []);
    }
    assert.notDeepEqual(service.codeActions(document, { diagnostics: current }), []);
  });

  it('inserts a missing section at its place in the schema order, keeping comments with their keys', () => {
    const card = `# Card header
name: x
version: '1'   # kept as text
# the numbers
metrics:
  accuracy: 0.9
  # more metrics soon

# about the environment
environment:
  hardware: gpu
`;
    assert.equal(
      fixed(card, 'MC001'),
      `# Card header
name: x
version: '1'   # kept as text
# the numbers
metrics:
  accuracy: 0.9
  # more metrics soon

limitations:
  - TODO a known failure mode

# about the environment
environment:
  hardware: gpu
`,
    );
  });

  it('inserts before the first key that follows in the schema order, above the comment that describes that key', () => {
    const card = '# Card header\n\n# about metrics\nmetrics:\n  accuracy: 0.9\nlimitations: x\n';
    assert.equal(fixed(card, 'MC013'), '# Card header\n\nname: TODO\n# about metrics\nmetrics:\n  accuracy: 0.9\nlimitations: x\n');
  });

  it('keeps a header comment at the top of the card first', () => {
    const card = '# Card header\nmetrics:\n  accuracy: 0.9\nlimitations: x\n';
    assert.equal(fixed(card, 'MC013'), '# Card header\nname: TODO\nmetrics:\n  accuracy: 0.9\nlimitations: x\n');
  });

  it('inserts a key inside a section after its schema predecessor, not inside another section', () => {
    const card = `name: x
intended_use:
  primary_uses: Sorting photos   # what for
  # who for
  primary_users: Photographers
metrics:
  accuracy: 0.9
limitations: x
`;
    assert.equal(
      fixed(card, 'MC004'),
      `name: x
intended_use:
  primary_uses: Sorting photos   # what for
  # who for
  primary_users: Photographers
  out_of_scope: TODO
metrics:
  accuracy: 0.9
limitations: x
`,
    );
  });

  it('inserts a nested key before its schema successor, above that key\'s comment', () => {
    const card = 'name: x\nintended_use:\n  # who for\n  primary_users: Photographers\n  out_of_scope: Faces\nmetrics: {accuracy: 0.9}\nlimitations: x\n';
    assert.equal(fixed(card, 'MC003'), 'name: x\nintended_use:\n  primary_uses: TODO\n  # who for\n  primary_users: Photographers\n  out_of_scope: Faces\nmetrics: {accuracy: 0.9}\nlimitations: x\n');
  });

  it('inserts `dataset:` into a metric result list item, after `value`', () => {
    const card = `name: x
metrics:
  - name: f1
    value: 0.88
    slice: overall
evaluation_data:
  - name: reviews-test
limitations: x
`;
    assert.equal(
      fixed(card, 'MC020'),
      `name: x
metrics:
  - name: f1
    value: 0.88
    dataset: reviews-test
    slice: overall
evaluation_data:
  - name: reviews-test
limitations: x
`,
    );
  });

  it('inserts a list item\'s first key after its `- `, moving the old first key to the next line', () => {
    const card = 'name: x\nmetrics:\n  - value: 0.9\n    dataset: d\nevaluation_data:\n  - name: d\nlimitations: x\n';
    assert.equal(fixed(card, 'MC013'), 'name: x\nmetrics:\n  - name: TODO\n    value: 0.9\n    dataset: d\nevaluation_data:\n  - name: d\nlimitations: x\n');
  });

  it('keeps CRLF line endings: the result has no lone LF', () => {
    const card = crlf('name: x\nmetrics:\n  accuracy: 0.9\n\nenvironment:\n  hardware: gpu\n');
    const result = fixed(card, 'MC001');
    assert.equal(result, crlf('name: x\nmetrics:\n  accuracy: 0.9\n\nlimitations:\n  - TODO a known failure mode\n\nenvironment:\n  hardware: gpu\n'));
    assert.doesNotMatch(result, /(?<!\r)\n/);
  });

  it('inserts after the last line of a card without a final line break, and adds none', () => {
    assert.equal(fixed('name: x\nmetrics:\n  accuracy: 0.9', 'MC001'), 'name: x\nmetrics:\n  accuracy: 0.9\nlimitations:\n  - TODO a known failure mode');
    assert.equal(fixed(crlf('name: x\nmetrics:\n  accuracy: 0.9'), 'MC001'), crlf('name: x\nmetrics:\n  accuracy: 0.9\nlimitations:\n  - TODO a known failure mode'));
  });

  it('follows a card indented with 4 spaces', () => {
    const card = 'name: x\nintended_use:\n    primary_uses:\n        - Sorting photos\nmetrics:\n    accuracy: 0.9\n';
    assert.equal(fixed(card, 'MC001'), `${card}limitations:\n    - TODO a known failure mode\n`);
    assert.equal(
      fixed(card, 'MC004'),
      'name: x\nintended_use:\n    primary_uses:\n        - Sorting photos\n    out_of_scope: TODO\nmetrics:\n    accuracy: 0.9\n',
    );
  });

  it('follows a card whose lists are not indented under their keys', () => {
    const card = 'name: x\nowners:\n- name: Ana\nmetrics:\n  accuracy: 0.9\n';
    assert.equal(fixed(card, 'MC001'), `${card}limitations:\n- TODO a known failure mode\n`);
    assert.equal(
      fixed(card, 'MC005'),
      'name: x\nowners:\n- name: Ana\nmetrics:\n  accuracy: 0.9\nethical_considerations:\n- name: TODO risk or harm\n  mitigation: TODO what was done about it\n',
    );
  });

  it('inserts into a flow mapping when the value fits on one line', () => {
    assert.equal(
      fixed('name: x\nintended_use: {primary_uses: Sorting}\nmetrics: {accuracy: 0.9}\nlimitations: x\n', 'MC004'),
      'name: x\nintended_use: {primary_uses: Sorting, out_of_scope: TODO}\nmetrics: {accuracy: 0.9}\nlimitations: x\n',
    );
    assert.equal(
      fixed('name: x\nmetrics:\n  - {name: accuracy, value: 0.9, dataset: d, confidence_interval: {lower: 0.8}}\nevaluation_data: [{name: d}]\nlimitations: x\n', 'MC013'),
      'name: x\nmetrics:\n  - {name: accuracy, value: 0.9, dataset: d, confidence_interval: {lower: 0.8, upper: TODO}}\nevaluation_data: [{name: d}]\nlimitations: x\n',
    );
  });

  it('offers no insertion where it would not be safe: a multi-line skeleton in a flow mapping, broken YAML', () => {
    assert.deepEqual(actionsFor('{name: x, metrics: {accuracy: 0.9}}', 'MC001').actions, []);
    const broken = actionsFor('name: x\nmetrics: [accuracy\n', 'MC001');
    assert.equal(broken.diagnostics.filter((diagnostic) => diagnostic.code === 'MC001').length, 1);
    assert.deepEqual(broken.actions, []);
  });

  it('gives an empty section its first key on the next line, keeping the comment after it', () => {
    const card = 'name: x\nintended_use:   # later\n  \nmetrics: {accuracy: 0.9}\nlimitations: x\n';
    assert.equal(fixed(card, 'MC004'), 'name: x\nintended_use:   # later\n  out_of_scope: TODO\n  \nmetrics: {accuracy: 0.9}\nlimitations: x\n');
  });

  it('marks a single fix as preferred, with the diagnostic it fixes', () => {
    const card = 'name: x\nmetrics:\n  accuracy: 0.9\nevaluation_data: Photos\nlimitations: x\nethical_considerations: None\nintended_use:\n  primary_uses: Sorting\n';
    const { actions, diagnostics } = actionsFor(card, 'MC004');
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, 'Add `out_of_scope` to `intended_use`');
    assert.equal(actions[0].kind, CodeActionKind.QuickFix);
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(actions[0].diagnostics, diagnostics.filter((diagnostic) => diagnostic.code === 'MC004'));
  });
});

describe('code actions: add all missing recommended sections', () => {
  it('inserts every missing section in one edit, each at its schema place', () => {
    assert.equal(
      allSectionsAdded(exampleCard('image-classifier')),
      `name: ImageClassifier
version: '1.0'
intended_use:
  primary_uses:
    - TODO what the model is for
  primary_users:
    - TODO who the model is for
  out_of_scope:
    - TODO what the model must not be used for
metrics:
  accuracy: 0.92
evaluation_data:
  - name: TODO test-set
    link: TODO https://
    motivation: TODO why this dataset
    preprocessing: TODO how it was prepared
ethical_considerations:
  - name: TODO risk or harm
    mitigation: TODO what was done about it
limitations: May misclassify rare images
`,
    );
  });

  it('joins a key inside a section and sections after it, with the card\'s blank lines, in CRLF', () => {
    const card = crlf('name: x\nintended_use:\n  primary_uses: Sorting\n\nmetrics:\n  accuracy: 0.9\n\nevaluation_data: Photos\n');
    const result = allSectionsAdded(card);
    assert.equal(
      result,
      crlf(
        'name: x\nintended_use:\n  primary_uses: Sorting\n  out_of_scope: TODO\n\nmetrics:\n  accuracy: 0.9\n\nevaluation_data: Photos\n\n' +
          'ethical_considerations:\n  - name: TODO risk or harm\n    mitigation: TODO what was done about it\n\nlimitations:\n  - TODO a known failure mode\n',
      ),
    );
    assert.doesNotMatch(result, /(?<!\r)\n/);
  });

  it('is a quick fix listing the diagnostics it fixes, with edits that do not overlap, not preferred', () => {
    const { uri, diagnostics, actions } = actionsFor(exampleCard('typical-mistakes'), 'MC001');
    const addAll = actions.find((action) => action.title === addAllTitle)!;
    assert.equal(addAll.kind, CodeActionKind.QuickFix);
    assert.equal(addAll.isPreferred, false);
    assert.deepEqual(addAll.diagnostics!.map((diagnostic) => diagnostic.code), ['MC001', 'MC005', 'MC004']);
    assert.deepEqual(addAll.diagnostics, diagnostics.filter((diagnostic) => ['MC001', 'MC005', 'MC004'].includes(String(diagnostic.code))));
    const offsets = actionEdits(addAll, uri).map((edit) => edit.range.start.line);
    assert.equal(new Set(offsets).size, offsets.length);
  });

  it('is not offered for a single missing section, nor when no missing section is in the context', () => {
    const oneMissing = 'name: x\nintended_use: {primary_uses: a, out_of_scope: b}\nmetrics: [{name: accuracy, value: 0.9, dataset: d}]\nevaluation_data: [{name: d}]\nethical_considerations: none\n';
    assert.deepEqual(actionsFor(oneMissing, 'MC001').actions.map((action) => action.title), ['Add `limitations`']);
    assert.deepEqual(actionsFor(exampleCard('typical-mistakes'), 'MC043').actions.map((action) => action.title), ["Quote as 'no'"]);
  });
});

describe('code actions: replacing text', () => {
  it('renames an unknown key to the suggested one, replacing exactly the key', () => {
    const card = 'name: x\nlicence: MIT   # the licence\n';
    const { uri, actions } = actionsFor(card, 'MC010');
    assert.deepEqual(actionEdits(actions[0], uri), [{ range: range(1, 0, 1, 7), newText: 'license' }]);
    assert.equal(actions[0].isPreferred, false, 'a guess is not preferred');
    assert.equal(fixed(card, 'MC010'), 'name: x\nlicense: MIT   # the licence\n');
  });

  it('does not rename a key onto a key its mapping already has', () => {
    assert.deepEqual(actionsFor('name: x\nlimitation: a\nlimitations: b\n', 'MC010').actions, []);
  });

  it('replaces a bad vocabulary value with the closest valid one', () => {
    const card = 'name: x\ngovernance:\n  status: aproved   # by Ana\n';
    assert.equal(fixed(card, 'MC012'), 'name: x\ngovernance:\n  status: approved   # by Ana\n');
    assert.equal(actionsFor(card, 'MC012').actions[0].isPreferred, false);
  });

  it('quotes YAML 1.1 traps: `no` and `1.10`', () => {
    assert.equal(fixed('name: x\nlanguage: no   # Norwegian\n', 'MC043'), "name: x\nlanguage: 'no'   # Norwegian\n");
    assert.equal(fixed('name: x\nversion: 1.10\n', 'MC044'), "name: x\nversion: '1.10'\n");
    const { uri, actions } = actionsFor('name: x\nversion: 1.10\n', 'MC044');
    assert.deepEqual(actionEdits(actions[0], uri), [{ range: range(1, 9, 1, 13), newText: "'1.10'" }]);
    assert.equal(actions[0].isPreferred, true, 'quoting what the user wrote is the obvious fix');
  });

  it('ignores diagnostics from other sources, malformed fix data and ranges outside the document', () => {
    const service = createLanguageService();
    const document = cardDocument('name: x\nlanguage: no\n');
    const [yaml11] = service.validate(document).filter((diagnostic) => diagnostic.code === 'MC043');
    const others: Diagnostic[] = [
      { ...yaml11, source: 'yaml' },
      { ...yaml11, data: { kind: 'replace', title: 'x' } },
      { ...yaml11, data: { kind: 'insertKey', path: [{}] } },
      { ...yaml11, range: range(7, 0, 7, 2) },
    ];
    assert.deepEqual(service.codeActions(document, { diagnostics: others }), []);
    assert.deepEqual(service.codeActions(document, { diagnostics: [yaml11], only: [CodeActionKind.Source] }), []);
    assert.equal(service.codeActions(document, { diagnostics: [yaml11], only: [CodeActionKind.QuickFix] }).length, 1);
  });

  it('uses the cached parse: no new parse for code actions on the same version', () => {
    const service = createLanguageService();
    const document = cardDocument(exampleCard('typical-mistakes'));
    const diagnostics = service.validate(document);
    const parses = service.parseCount;
    assert.ok(service.codeActions(document, { diagnostics }).length > 5);
    assert.equal(service.parseCount, parses);
  });
});

describe('code actions: applying every fix to the examples', () => {
  const examples = readdirSync(examplesFolder).filter((name) => name.endsWith('.modelcard.yaml'));

  it('leaves cards that still parse, with every fixed finding gone, only placeholders new (in inserted text), and fewer findings', () => {
    assert.ok(examples.length >= 3);
    let findingsBefore = 0;
    let findingsAfter = 0;
    let problemsBefore = 0;
    let problemsAfter = 0;
    for (const name of examples) {
      const text = readFileSync(path.join(examplesFolder, name), 'utf8');
      const { diagnostics, actions } = actionsFor(text);
      const original = cardDocument(text);
      const { edits, fixed } = everyFix(actions, original);
      const result = cardDocument(applyTextEdits(text, edits.map(({ edit }) => edit)));
      const after = createLanguageService().validate(result);
      const movedStart = (old: Diagnostic) => movedOffset(original.offsetAt(old.range.start), edits);
      const sameFinding = (old: Diagnostic, finding: Diagnostic) => old.code === finding.code && movedStart(old) === result.offsetAt(finding.range.start);

      assert.deepEqual(after.filter((finding) => finding.code === 'MC040'), [], `${name} still parses`);
      for (const old of diagnostics.filter((diagnostic) => diagnostic.data !== undefined)) {
        assert.ok(fixed.has(old), `${name}: a fix is applied for ${old.code} ${old.message}`);
        assert.ok(!after.some((finding) => sameFinding(old, finding)), `${name}: ${old.code} ${old.message} is gone`);
      }
      const inserted = insertedSpans(edits);
      for (const finding of after.filter((candidate) => !diagnostics.some((old) => sameFinding(old, candidate)))) {
        const [start, end] = [result.offsetAt(finding.range.start), result.offsetAt(finding.range.end)];
        assert.equal(finding.code, 'MC030', `${name}: new finding ${finding.code} ${finding.message}`);
        assert.ok(inserted.some(([from, to]) => from <= start && end <= to), `${name}: the placeholder at ${start} lies in inserted text`);
      }
      findingsBefore += diagnostics.length;
      findingsAfter += after.length;
      problemsBefore += diagnostics.filter((diagnostic) => diagnostic.code !== 'MC030').length;
      problemsAfter += after.filter((finding) => finding.code !== 'MC030').length;
    }
    assert.ok(findingsAfter < findingsBefore, `${findingsAfter} findings after the fixes, ${findingsBefore} before`);
    assert.ok(problemsAfter * 3 < problemsBefore, `${problemsAfter} findings other than placeholders after the fixes, ${problemsBefore} before`);
  });
});

/** A text edit with its offsets in the original text. */
interface PlacedEdit {
  edit: TextEdit;
  start: number;
  end: number;
}

/**
 * The edits of the fix-all, then of every quick fix it does not cover, in text order; an edit
 * identical to one already taken (two diagnostics, one fix) is taken once. No two may overlap.
 */
function everyFix(actions: CodeAction[], original: TextDocument): { edits: PlacedEdit[]; fixed: Set<Diagnostic> } {
  const ordered = [...actions].sort((a, b) => Number(b.title === addAllTitle) - Number(a.title === addAllTitle));
  const edits: PlacedEdit[] = [];
  const fixed = new Set<Diagnostic>();
  for (const action of ordered) {
    if (action.diagnostics!.every((diagnostic) => fixed.has(diagnostic))) continue;
    for (const edit of actionEdits(action, original.uri)) {
      if (edits.some((taken) => JSON.stringify(taken.edit) === JSON.stringify(edit))) continue;
      const placed = { edit, start: original.offsetAt(edit.range.start), end: original.offsetAt(edit.range.end) };
      const clash = edits.find((taken) => (taken.start < placed.end && placed.start < taken.end) || taken.start === placed.start);
      assert.equal(clash, undefined, `"${action.title}" does not overlap the fixes before it`);
      edits.push(placed);
    }
    for (const diagnostic of action.diagnostics!) fixed.add(diagnostic);
  }
  return { edits: edits.sort((a, b) => a.start - b.start), fixed };
}

/** Where the text at `offset` of the original is once the edits are applied (an insertion at `offset` goes before it). */
function movedOffset(offset: number, edits: PlacedEdit[]): number {
  return edits.filter(({ end }) => end <= offset).reduce((moved, { edit, start, end }) => moved + edit.newText.length - (end - start), offset);
}

/** The spans of the edited text that the edits wrote. */
function insertedSpans(edits: PlacedEdit[]): [number, number][] {
  return edits.map(({ edit, start }) => {
    const from = movedOffset(start, edits.filter((other) => other.end <= start && other.start < start));
    return [from, from + edit.newText.length];
  });
}
