import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultSettings } from '../../../server/src/protocol';

const root = path.resolve(__dirname, '../../..');
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const manifest = readJson('package.json');
const nls: Record<string, string> = readJson('package.nls.json');
const contributes = manifest.contributes;
const settings = contributes.configuration.properties;

/** [major, minor] of a version range such as `^1.138.0`. */
const minorOf = (range: string) => range.replace(/^[^\d]*/, '').split('.').slice(0, 2).map(Number);
const compare = ([a, b]: number[], [c, d]: number[]) => a - c || b - d;

describe('the extension manifest (package.json)', () => {
  it('localizes its strings: every %key% is in package.nls.json, and every key there is used', () => {
    const used = [...JSON.stringify(manifest).matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]);
    assert.deepEqual(used.filter((key) => !(key in nls)), []);
    assert.deepEqual(Object.keys(nls).filter((key) => !used.includes(key)), []);
  });

  it('declares the commands, each in the Model Card category with a codicon', () => {
    const ids = contributes.commands.map((command: { command: string }) => command.command);
    assert.deepEqual(ids.sort(), [
      'modelcard.catalogue.refresh', 'modelcard.catalogue.showPreview', 'modelcard.copyDiagram', 'modelcard.export', 'modelcard.fillFromRun', 'modelcard.importCard', 'modelcard.newCard', 'modelcard.preview.toggleLock', 'modelcard.recordApproval', 'modelcard.requestReview',
      'modelcard.restartServer', 'modelcard.showOutput', 'modelcard.showPreview', 'modelcard.showPreviewToSide', 'modelcard.showSource', 'modelcard.signOffSection',
    ]);
    for (const command of contributes.commands) {
      assert.equal(command.category, '%category%');
      assert.match(command.icon, /^\$\([a-z-]+\)$/);
    }
    const referenced = [
      ...Object.values(contributes.menus).flatMap((entries) => (entries as { command: string; alt?: string }[]).flatMap(({ command, alt }) => [command, ...(alt ? [alt] : [])])),
      ...contributes.keybindings.map(({ command }: { command: string }) => command),
    ];
    assert.deepEqual(referenced.filter((id) => !ids.includes(id)), []);
  });

  it('puts the catalogue view in the Explorer, with a welcome for a workspace with no documents', () => {
    assert.deepEqual(contributes.views.explorer.map(({ id }: { id: string }) => id), ['modelcard.catalogue']);
    assert.deepEqual(contributes.viewsWelcome.map(({ view }: { view: string }) => view), ['modelcard.catalogue']);
  });

  it('activates lazily: on the kinds’ languages, on Markdown (README.md checks, behind a setting) and on a preview to restore, never on *', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:modelcard', 'onLanguage:datasheet', 'onLanguage:systemcard', 'onLanguage:markdown', 'onWebviewPanel:modelcard.preview']);
  });

  it('asks for a VS Code that vsce accepts with the installed @types/vscode, that code-server 1.139 runs, and that the language client supports', () => {
    const engine = minorOf(manifest.engines.vscode);
    assert.ok(compare(engine, minorOf(manifest.devDependencies['@types/vscode'])) >= 0, 'vsce refuses @types/vscode newer than the engine');
    assert.ok(compare(engine, [1, 139]) <= 0, 'code-server 1.139 would refuse the extension');
    assert.ok(compare(engine, minorOf(readJson('node_modules/vscode-languageclient/package.json').engines.vscode)) >= 0);
  });

  it('defaults modelcard.placeholders to the server defaults', () => {
    assert.deepEqual(settings['modelcard.placeholders'].default, defaultSettings.placeholders);
  });

  it('refers only to files that exist (besides the dist/ bundles the build writes)', () => {
    const files = [
      manifest.icon,
      ...contributes.languages.flatMap((language: { configuration: string; icon: { light: string; dark: string } }) => [language.configuration, language.icon.light, language.icon.dark]),
      ...contributes.grammars.map((grammar: { path: string }) => grammar.path),
      ...contributes.snippets.map((snippet: { path: string }) => snippet.path),
      ...contributes.walkthroughs.flatMap((walkthrough: { steps: { media: { markdown: string } }[] }) => walkthrough.steps.map((step) => step.media.markdown)),
    ];
    assert.deepEqual(files.filter((file: string) => !existsSync(path.join(root, file))), []);
    assert.equal(contributes.yamlValidation[0].url, './dist/modelcard.schema.json');
    assert.equal(manifest.main, './dist/client.js');
  });
});
