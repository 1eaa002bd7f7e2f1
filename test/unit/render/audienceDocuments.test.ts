import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { audiences } from '../../../server/src/protocol';
import { documentKinds, kindOfUri } from '../../../server/src/service/kinds/registry';
import { createLanguageService } from '../../../server/src/service/languageService';
import { htmlPage } from '../../../server/src/service/render/htmlPage';
import { cardDocument } from '../../helpers/cards';

const repoRoot = path.resolve(__dirname, '../../..');
const examplesFolder = path.join(repoRoot, 'examples');

/** Every document of a known kind under examples/, read from the folder (not a fixed list). */
const examples = readdirSync(examplesFolder, { recursive: true, encoding: 'utf8' })
  .filter((file) => documentKinds.some((kind) => kind.fileSuffixes.some((suffix) => file.endsWith(suffix))))
  .sort()
  .map((file) => ({ label: `examples/${file.split(path.sep).join('/')}`, uri: `file:///work/examples/${file}`, text: readFileSync(path.join(examplesFolder, file), 'utf8') }));
/** Every template of every kind in the registry, filled with a name. */
const templates = documentKinds.flatMap((kind) =>
  kind.templates.map((template) => ({ label: `${kind.id} template ${template.id}`, uri: `file:///work/new${kind.fileSuffixes[0]}`, text: template.text.replace(/\$\{name\}/g, 'Demo') })),
);

/** The points of Annex IV of Regulation (EU) 2024/1689: 1 (a-h), 2 (a-h), and 3 to 9. */
const annexIVPoints = ['1', ...'abcdefgh'.split('').map((letter) => `1(${letter})`), '2', ...'abcdefgh'.split('').map((letter) => `2(${letter})`), '3', '4', '5', '6', '7', '8', '9'];
const summaryHeadings = ['What it does', 'Who it is for', 'How well it works', 'Where it fails', 'Who approved it'];

describe('the three audience documents, for every example and every template', () => {
  const service = createLanguageService();

  it('finds the examples and templates it renders', () => {
    assert.ok(examples.length >= 6, examples.map((example) => example.label).join(', '));
    assert.ok(examples.some((example) => example.label === 'examples/governance/chest-xray-triage.modelcard.yaml'));
    assert.ok(templates.length >= 9 && new Set(templates.map((template) => kindOfUri(template.uri).id)).size === documentKinds.length);
  });

  for (const { label, uri, text } of [...examples, ...templates]) {
    describe(label, () => {
      const document = cardDocument(text, uri);
      const name = String((parse(text) as { name?: unknown }).name ?? '');

      it('renders each audience as Markdown and as a standalone HTML page, marked with its audience', () => {
        for (const audience of audiences) {
          const rendered = service.render(document, audience);
          assert.equal(rendered.audience, audience);
          assert.equal(rendered.title, name);
          const page = htmlPage(rendered, kindOfUri(uri).label);
          assert.match(page, /^<!DOCTYPE html>/);
          assert.ok(page.includes(rendered.html));
          const markdown = service.renderMarkdown(document, audience);
          assert.ok(markdown.startsWith(`# ${name.replace(/[\\`*[\]<>#|~]/g, '\\$&')}`), `${audience}: ${markdown.slice(0, 80)}`);
        }
      });

      it('technical: every section of the kind the document has, with its findings', () => {
        const value = parse(text) as Record<string, unknown>;
        const { html, errors, warnings } = service.render(document, 'technical');
        const sections = kindOfUri(uri).layout.sections.filter((section) => section.key in value);
        for (const section of sections) assert.ok(html.includes(`<section id="${section.key}"`), section.key);
        const severities = service.validate(document).map((diagnostic) => diagnostic.severity);
        assert.deepEqual([errors, warnings], [severities.filter((severity) => severity === 1).length, severities.filter((severity) => severity === 2).length]);
        assert.ok(html.includes(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`));
      });

      it('regulatory: every point of Annex IV, with its completeness table', () => {
        const markdown = service.renderMarkdown(document, 'regulatory');
        for (const point of annexIVPoints) assert.match(markdown, new RegExp(`^#{2,3} ${point.replace(/[()]/g, '\\$&')}\\.? `, 'm'), point);
        assert.ok(markdown.includes('| Point | Written | Missing |'));
      });

      it('summary: one page in plain words, with no YAML keys', () => {
        const markdown = service.renderMarkdown(document, 'summary');
        for (const heading of summaryHeadings) assert.ok(markdown.includes(`## ${heading}`), heading);
        const keys = Object.keys(parse(text) as Record<string, unknown>).filter((key) => key.includes('_'));
        for (const key of keys) assert.ok(!markdown.includes(key), `the summary shows the key ${key}`);
        assert.ok(markdown.split('\n').length < 80, 'it fits on a page');
      });
    });
  }
});
