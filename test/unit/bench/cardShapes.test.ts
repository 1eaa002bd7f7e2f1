import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { cardShapes } from '../../../bench/cardShapes';
import { diagnose } from '../../helpers/cards';

// The bench measures each server on these cards; a card that is not valid, or whose landmarks miss,
// would measure something else (an error the card had anyway, a completion outside any mapping).
const lineCount = 1000;
const schemaCodes = ['MC010', 'MC011', 'MC012', 'MC013', 'MC014'];

describe('the bench cards', () => {
  for (const shape of cardShapes) {
    describe(shape.name, () => {
      const card = shape.generate(lineCount);
      const lines = card.text.split('\n');
      const { editedValue, keyInMidCardMapping, hoveredKey, topLevel } = card.landmarks;

      it('has exactly the lines asked for, the same text at every run, and what its shape names', () => {
        assert.equal(lines.length, lineCount);
        assert.equal(card.lineCount, lineCount);
        assert.equal(shape.generate(lineCount).text, card.text);
        assert.match(shape.count(card), /^[1-9]/);
      });

      it('is valid: no errors and no schema findings', () => {
        const problems = diagnose(card.text).filter((d) => d.severity === DiagnosticSeverity.Error || schemaCodes.includes(String(d.code)));
        assert.deepEqual(problems, []);
      });

      it('has a number mid-card whose replacement by text is a schema error on its line', () => {
        const { line, character, text } = editedValue;
        assert.ok(Math.abs(line - lineCount / 2) < lineCount / 5, `edited line ${line}`);
        assert.equal(lines[line].slice(character), text);
        assert.ok(Number.isFinite(Number(text)), text);
        const edited = lines.map((text, index) => (index === line ? text.slice(0, character) + 'high' : text));
        const errors = diagnose(edited.join('\n')).filter((d) => d.range.start.line === line && schemaCodes.includes(String(d.code)));
        assert.equal(errors.length, 1);
      });

      it('completes at the start of a key in a mapping, hovers on a key and completes on the empty last line', () => {
        const keyStart = lines[keyInMidCardMapping.line].slice(keyInMidCardMapping.character);
        assert.match(keyStart, /^\w+: \S/);
        assert.match(lines[keyInMidCardMapping.line].slice(0, keyInMidCardMapping.character), /^ +$/);
        const hovered = lines[hoveredKey.line];
        assert.match(hovered.slice(0, hovered.indexOf(':')), /^ +\w+$/);
        assert.ok(hoveredKey.character > hovered.search(/\S/) && hoveredKey.character < hovered.indexOf(':'));
        assert.deepEqual(topLevel, { line: lineCount - 1, character: 0 });
        assert.equal(lines[topLevel.line], '');
      });
    });
  }
});
