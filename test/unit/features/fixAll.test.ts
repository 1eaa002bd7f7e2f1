import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../server/src/service/languageService';
import { safeFix } from '../../../server/src/service/features/fixAll';
import { cardDocument } from '../../helpers/cards';
import { withCrlf } from '../../helpers/ruleTests';

const typicalMistakes = readFileSync(path.resolve(__dirname, '../../../examples/typical-mistakes.modelcard.yaml'), 'utf8');

/** The typical-mistakes card with every safe fix made by hand. */
const fixedByHand = typicalMistakes
  .replace('version: 1.10', "version: '1.10'")
  .replace('licence: MIT', 'license: MIT')
  .replace('language: no', "language: 'no'")
  .replace('task: sentiment-analysis', 'task: text-classification')
  .replace('value: 91.5', 'value: 0.915');

describe('fix-all (lint --fix)', () => {
  it('makes every safe fix of the typical-mistakes card, keeping its comments and layout', () => {
    const result = createLanguageService().fixAll(cardDocument(typicalMistakes));
    assert.equal(result.text, fixedByHand);
    assert.deepEqual(result.fixes.map((fix) => [fix.code, fix.title, fix.line]), [
      ['MC044', "Quote as '1.10'", 3],
      ['MC010', 'Rename to `license`', 4],
      ['MC043', "Quote as 'no'", 5],
      ['MC012', 'Change to `text-classification`', 6],
      ['MC022', 'Change to 0.915', 14],
    ]);
  });

  it('leaves only findings that need a human: none of them has a safe fix', () => {
    const service = createLanguageService();
    const fixed = service.fixAll(cardDocument(typicalMistakes)).text;
    const left = service.validate(cardDocument(fixed));
    assert.ok(left.length > 0);
    assert.deepEqual(left.filter((diagnostic) => safeFix(diagnostic) !== undefined), []);
    assert.deepEqual(service.fixAll(cardDocument(fixed)), { text: fixed, fixes: [] });
  });

  it('keeps CRLF line endings', () => {
    assert.equal(createLanguageService().fixAll(cardDocument(withCrlf(typicalMistakes))).text, withCrlf(fixedByHand));
  });

  it('never inserts placeholder sections, and never changes a status', () => {
    const text = 'name: x\ngovernance:\n  status: published\n';
    assert.deepEqual(createLanguageService().fixAll(cardDocument(text)), { text, fixes: [] });
  });

  it('makes a fix that the first fix reveals (a renamed key whose value is then checked)', () => {
    const text = 'name: x\nlicence: apache-2\n';
    const result = createLanguageService().fixAll(cardDocument(text));
    assert.equal(result.text, 'name: x\nlicense: apache-2.0\n');
    assert.deepEqual(result.fixes.map((fix) => fix.code), ['MC010', 'MC012']);
  });

  it('is offered to editors as source.fixAll.modelcard, with the same edits in one action', () => {
    const service = createLanguageService();
    const document = cardDocument(typicalMistakes);
    const diagnostics = service.validate(document);
    const [action] = service.codeActions(document, { diagnostics: [], only: ['source.fixAll'] });
    assert.equal(action.kind, 'source.fixAll.modelcard');
    const edits = action.edit!.changes![document.uri];
    assert.equal(TextDocument.applyEdits(document, edits), fixedByHand);
    assert.equal(action.diagnostics!.length, 5);
    assert.ok(diagnostics.length > 5);
    assert.deepEqual(service.codeActions(cardDocument(fixedByHand), { diagnostics: [], only: ['source.fixAll'] }), []);
  });
});
