import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../server/src/service/languageService';
import { cardDocument } from '../../helpers/cards';
import { withCrlf } from '../../helpers/ruleTests';

function migrated(text: string): string {
  const document = cardDocument(text);
  const migration = createLanguageService().migrate(document);
  assert.equal(migration.refused, undefined);
  return TextDocument.applyEdits(document, migration.edits);
}

describe('migrate (modelcard migrate)', () => {
  it('states the current version in a card that states none, first, keeping the comments above it', () => {
    const text = '# Our model\nname: x # the name\nlimitations: none\n';
    assert.equal(migrated(text), '# Our model\nschema_version: 2\nname: x # the name\nlimitations: none\n');
    assert.deepEqual(createLanguageService().migrate(cardDocument(text)), {
      from: 1,
      to: 2,
      edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: 'schema_version: 2\n' }],
    });
  });

  it('replaces version 1, keeping the comment after it and CRLF line endings', () => {
    assert.equal(migrated(withCrlf('schema_version: 1  # format\nname: x\n')), withCrlf('schema_version: 2  # format\nname: x\n'));
  });

  it('leaves a current card alone, and gives a migrated card no new finding', () => {
    assert.deepEqual(createLanguageService().migrate(cardDocument('schema_version: 2\nname: x\n')), { from: 2, to: 2, edits: [] });
    const service = createLanguageService();
    const before = service.validate(cardDocument('schema_version: 1\nname: x\n')).map((diagnostic) => diagnostic.code);
    const after = service.validate(cardDocument(migrated('schema_version: 1\nname: x\n'))).map((diagnostic) => diagnostic.code);
    assert.deepEqual(after, before);
  });

  it('refuses a newer format, a version that is not a number, and a file that is not a card', () => {
    const refusal = (text: string) => createLanguageService().migrate(cardDocument(text)).refused;
    assert.equal(refusal('schema_version: 3\nname: x\n'), 'The card is written for format version 3, newer than this Model Card Studio (2): update Model Card Studio.');
    assert.equal(refusal("schema_version: 'one'\nname: x\n"), '`schema_version` is not a format version (1, 2, ...): fix it first.');
    assert.equal(refusal('- a list\n'), 'The card is not a mapping of keys: there is nothing to migrate.');
  });
});
