import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnosticsWithCode, range, textAt } from '../../helpers/cards';
import { completeCard, onlyDiagnostic, sharedRuleTests, withCrlf } from '../../helpers/ruleTests';

describe('MC030 placeholder', () => {
  it('underlines a TODO value exactly and names where it is', () => {
    const diagnostic = onlyDiagnostic('name: x\nsummary: TODO\n', 'MC030');
    assert.deepEqual(diagnostic.range, range(1, 9, 1, 13));
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.message, 'Placeholder `TODO` left in `summary`: replace it with what you know.');
    assert.equal(diagnostic.data, undefined);
  });

  it('finds TODO, TBD and FIXME as whole words in capitals only', () => {
    const text = 'name: x\nsummary: TODO, TBD and FIXME; not TODOS, TBD_2 or a todo list\n';
    assert.deepEqual(diagnosticsWithCode(text, 'MC030').map((d) => textAt(text, d.range)), ['TODO', 'TBD', 'FIXME']);
  });

  it('finds the sample values templates leave behind: [Your ...], {{ ... }}, lorem ipsum, foo, XXX', () => {
    const text = "name: x\nsummary: '[Your model name] does {{ task }}'\ndescription: Lorem ipsum dolor sit amet\nlicense_name: foo\ncontact: XXX\n";
    assert.deepEqual(diagnosticsWithCode(text, 'MC030').map((d) => textAt(text, d.range)), ['[Your model name]', '{{ task }}', 'Lorem ipsum', 'foo', 'XXX']);
    assert.deepEqual(diagnosticsWithCode('name: FooNet\nsummary: Food photos\n', 'MC030'), []);
  });

  it('reads `...` in a configured placeholder as any text on one line', () => {
    const text = 'name: x\nsummary: <insert summary> and <insert\n  more>\n';
    assert.deepEqual(diagnosticsWithCode(text, 'MC030', { placeholders: ['<insert ...>'] }).map((d) => textAt(text, d.range)), ['<insert summary>']);
  });

  it('leaves “todo” in prose alone', () => {
    assert.deepEqual(diagnosticsWithCode('name: x\ndescription: Sorts your todo lists; nothing is tbd.\n', 'MC030'), []);
  });

  it('finds [More Information Needed] in any case, quoted or not, in list items', () => {
    const text = "name: x\nlimitations:\n  - '[More Information Needed]'\n  - \"[more information needed]\"\n";
    const diagnostics = diagnosticsWithCode(text, 'MC030');
    assert.deepEqual(diagnostics.map((d) => d.range), [range(2, 5, 2, 30), range(3, 5, 3, 30)]);
    assert.equal(diagnostics[1].message, 'Placeholder `[more information needed]` left in `limitations[1]`: replace it with what you know.');
  });

  it('places a placeholder inside a literal block scalar on its own line and column', () => {
    const text = 'name: x\ndescription: |\n  A model for photos.\n  Training data: TBD\n\n  FIXME later\nlicense: mit\n';
    const diagnostics = diagnosticsWithCode(text, 'MC030');
    assert.deepEqual(diagnostics.map((d) => d.range), [range(3, 17, 3, 20), range(5, 2, 5, 7)]);
  });

  it('places a placeholder inside a folded block scalar, with CRLF line endings', () => {
    const text = withCrlf('name: x\nsummary: >-\n  Detects smiles,\n    TODO: the lighting\nlicense: mit\n');
    const diagnostic = onlyDiagnostic(text, 'MC030');
    assert.deepEqual(diagnostic.range, range(3, 4, 3, 8));
    assert.equal(textAt(text, diagnostic.range), 'TODO');
  });

  it('finds placeholders in nested values and flow style', () => {
    const text = 'name: x\ngovernance: {reviews: [{reviewer: TBD, decision: approved}]}\n';
    const diagnostic = onlyDiagnostic(text, 'MC030');
    assert.equal(textAt(text, diagnostic.range), 'TBD');
    assert.equal(diagnostic.message, 'Placeholder `TBD` left in `governance.reviews[0].reviewer`: replace it with what you know.');
  });

  it('uses the placeholder words of the settings instead of the defaults', () => {
    const text = 'name: x\nsummary: WIP, TODO, see the xxx later note\n';
    const diagnostics = diagnosticsWithCode(text, 'MC030', { placeholders: ['WIP', 'XXX later'] });
    assert.deepEqual(diagnostics.map((d) => textAt(text, d.range)), ['WIP', 'xxx later']);
    assert.deepEqual(diagnosticsWithCode(text, 'MC030', { placeholders: [] }), []);
  });

  it('gives one value at most ten findings, the last one counting the others (a 1 MB line of TODOs)', () => {
    const text = `name: x\nsummary: ${'TODO '.repeat(200_000)}\n`;
    const diagnostics = diagnosticsWithCode(text, 'MC030');
    assert.equal(diagnostics.length, 10);
    assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.range.start.character), Array.from({ length: 10 }, (_, index) => 9 + 5 * index));
    assert.equal(diagnostics[8].message, 'Placeholder `TODO` left in `summary`: replace it with what you know.');
    assert.equal(diagnostics[9].message, 'Placeholder `TODO` left in `summary`, and 199,990 more in this value: replace them with what you know.');
  });

  it('does not look in keys or comments', () => {
    assert.deepEqual(diagnosticsWithCode(`${completeCard}# TODO: add a review\nx-TODO: done\n`, 'MC030'), []);
  });

  sharedRuleTests({ code: 'MC030', name: 'placeholder', defaultSeverity: DiagnosticSeverity.Warning }, `${completeCard}summary: TODO\n`);
});
