import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { parse } from 'yaml';
import { kindDocumentFilters } from '../../../server/src/protocol';
import { kindFiles } from '../../../server/src/service/kinds/kindFiles';
import { documentKinds, kindOfUri } from '../../../server/src/service/kinds/registry';

const root = path.resolve(__dirname, '../../..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const manifest = readJson('package.json');
const contributes = manifest.contributes;

interface Language {
  id: string;
  filenamePatterns: string[];
  icon: { light: string; dark: string };
}

/** The file patterns of a kind's documents, as the manifest writes them. */
const patternsOf = (kind: (typeof kindFiles)[number]) => kind.fileSuffixes.map((suffix) => `*${suffix}`);
const languageIds = kindFiles.map((kind) => kind.languageId);

/** Every when-clause of the manifest's menus and keybindings. */
const whenClauses: string[] = [
  ...Object.values(contributes.menus).flatMap((entries) => (entries as { when?: string }[]).map(({ when }) => when ?? '')),
  ...contributes.keybindings.map(({ when }: { when: string }) => when),
];

/** Whether `vsce package` puts the file in the .vsix: the last pattern of .vscodeignore (an allow-list) that matches it decides. */
function isPackaged(file: string): boolean {
  const patterns = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const relative = path.normalize(file).replace(/^\.\//, '');
  let packaged = true;
  for (const pattern of patterns) {
    const allows = pattern.startsWith('!');
    if (picomatch(allows ? pattern.slice(1) : pattern, { dot: true })(relative)) packaged = allows;
  }
  return packaged;
}

describe('the manifest follows the document kinds (one source: kinds/kindFiles.ts)', () => {
  it('kindFiles lists the registry’s kinds, in its order, with their names and files', () => {
    assert.deepEqual(
      kindFiles.map(({ id, label, languageId, fileSuffixes, templates }) => ({ id, label, languageId, fileSuffixes, templates })),
      documentKinds.map(({ id, label, languageId, fileSuffixes, templates }) => ({ id, label, languageId, fileSuffixes, templates })),
    );
  });

  it('declares a language per kind, matching its file names, with an icon that exists, and no other', () => {
    const languages: Language[] = contributes.languages;
    assert.deepEqual(
      languages.map(({ id, filenamePatterns }) => ({ id, filenamePatterns })),
      kindFiles.map((kind) => ({ id: kind.languageId, filenamePatterns: patternsOf(kind) })),
    );
    for (const language of languages) {
      for (const icon of [language.icon.light, language.icon.dark]) assert.ok(existsSync(path.join(root, icon)), icon);
    }
  });

  it('gives every kind’s language a grammar that exists, whose section keys are top-level keys of the kind', () => {
    for (const kind of documentKinds) {
      const grammar = contributes.grammars.find((candidate: { language: string }) => candidate.language === kind.languageId);
      assert.ok(grammar, `no grammar for ${kind.languageId}`);
      const text = JSON.parse(readFileSync(path.join(root, grammar.path), 'utf8'));
      assert.equal(text.scopeName, grammar.scopeName);
      const keys = /^\^\(\?:([^)]*)\)/.exec(text.repository['section-key'].match)![1].split('|');
      const topLevel = [...kind.layout.headerKeys, ...kind.layout.sections.map((section) => section.key)];
      assert.deepEqual(keys.filter((key) => !topLevel.includes(key)), [], kind.label);
    }
  });

  it('associates each kind’s files with its standalone schema for the YAML extension (dist/, written by the build)', () => {
    for (const kind of documentKinds) {
      const entry = contributes.yamlValidation.find((candidate: { fileMatch: string[] }) => candidate.fileMatch.includes(`*${kind.fileSuffixes[0]}`));
      assert.ok(entry, `no yamlValidation for ${kind.label}`);
      assert.deepEqual(entry.fileMatch, patternsOf(kind));
      const built = path.join(root, entry.url);
      if (existsSync(built)) assert.equal(JSON.parse(readFileSync(built, 'utf8')).$id, kind.schema.json.$id);
    }
  });

  it('ships what each kind’s language needs in the .vsix: its icon, grammar and schema', () => {
    for (const kind of kindFiles) {
      const language = contributes.languages.find((candidate: Language) => candidate.id === kind.languageId);
      const grammar = contributes.grammars.find((candidate: { language: string }) => candidate.language === kind.languageId);
      const schema = contributes.yamlValidation.find((candidate: { fileMatch: string[] }) => candidate.fileMatch.includes(`*${kind.fileSuffixes[0]}`));
      for (const file of [language.icon.light, language.icon.dark, grammar.path, schema.url]) assert.ok(isPackaged(file), `${file} is left out of the .vsix`);
    }
    assert.ok(!isPackaged('test/unit/extension/kindManifest.test.ts'));
  });

  it('ships the bundles the server and the client require at run time beside themselves (the Mermaid renderer, CycloneDX, SQLite; the language client, the commands)', () => {
    const bundles = path.join(root, 'esbuild.mjs');
    const apart = [...readFileSync(bundles, 'utf8').matchAll(/path: '\.\/(\w+\.js)', external: true/g)].map((match) => `dist/${match[1]}`);
    assert.deepEqual(apart.sort(), ['dist/commands.js', 'dist/cyclonedx.js', 'dist/languageClient.js', 'dist/mermaid.js', 'dist/sqlite.js']);
    for (const file of apart) assert.ok(isPackaged(file), `${file} is left out of the .vsix`);
  });

  it('lets the pre-commit hook check each kind’s files, and only those', () => {
    const [hook] = parse(readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { files: string }[];
    const checked = new RegExp(hook.files);
    for (const suffix of kindFiles.flatMap((kind) => kind.fileSuffixes)) assert.ok(checked.test(`models/x${suffix}`), suffix);
    for (const other of ['x.yaml', 'README.md', 'x.modelcard.json']) assert.ok(!checked.test(other), other);
  });

  it('has the editor send the server a document only when the server reads it as its language’s kind, or as its name says', () => {
    const names = ['file:///w/x.yaml', 'untitled:Untitled-1', ...documentKinds.flatMap((kind) => kind.fileSuffixes.flatMap((suffix) => [`file:///w/x${suffix}`, `file:///w/a/b/x${suffix}`]))];
    const filters = kindDocumentFilters();
    for (const kind of documentKinds) {
      const sent = names.filter((uri) => filters.some((filter) => filter.language === kind.languageId && (!filter.pattern || picomatch(filter.pattern)(uri.replace(/^[a-z]+:/, '')))));
      const namedAs = (uri: string) => documentKinds.find((other) => other.fileSuffixes.some((suffix) => uri.endsWith(suffix)));
      for (const uri of sent) assert.equal(kindOfUri(uri).id, (namedAs(uri) ?? kind).id, `${uri} in the ${kind.languageId} language`);
      // Every file named as the kind is sent.
      for (const uri of names.filter((name) => namedAs(name) === kind)) assert.ok(sent.includes(uri), `${uri} is not sent in the ${kind.languageId} language`);
      if (kind !== documentKinds[0]) assert.deepEqual(sent.filter((uri) => namedAs(uri) !== kind), [], `${kind.languageId}: only its own files`);
    }
  });

  it('activates on each kind’s language', () => {
    for (const id of languageIds) assert.ok(manifest.activationEvents.includes(`onLanguage:${id}`), id);
  });

  it('sets the editor defaults for every kind’s language', () => {
    assert.ok(contributes.configurationDefaults[languageIds.map((id) => `[${id}]`).join('')]);
  });

  it('offers the preview, review and approval for every kind, and the model card commands for model cards only', () => {
    const kindsClauses = new Set(whenClauses.filter((when) => /LangId =~/.test(when)).map((when) => /\/(.*)\//.exec(when)![1]));
    assert.deepEqual([...kindsClauses], [`^(${languageIds.join('|')})$`]);
    const palette = Object.fromEntries(contributes.menus.commandPalette.map(({ command, when }: { command: string; when: string }) => [command, when]));
    for (const command of ['modelcard.showPreview', 'modelcard.showPreviewToSide', 'modelcard.requestReview', 'modelcard.recordApproval']) {
      assert.match(palette[command], /^editorLangId =~ /, command);
    }
    for (const command of ['modelcard.export', 'modelcard.fillFromRun']) assert.equal(palette[command], 'editorLangId == modelcard', command);
  });
});
