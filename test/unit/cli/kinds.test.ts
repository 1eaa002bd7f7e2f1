import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { kindFiles } from '../../../server/src/service/kinds/kindFiles';
import { documentKinds } from '../../../server/src/service/kinds/registry';
import { fillTemplate } from '../../../server/src/service/templates/cardFile';
import { folderWith, modelcard } from '../../helpers/cli';
import { completeDatasheet, completeSystemCard } from '../../helpers/kindDocuments';
import { completeCard } from '../../helpers/ruleTests';

interface JsonReport {
  files: { path: string; diagnostics: { line: number; column: number; endLine: number; endColumn: number; severity: string; code: string }[] }[];
}

/** A datasheet missing its collection process (MC100) whose personal data has no consent (MC101). */
const datasheetWithFindings = completeDatasheet.replace(/collection_process:\n {2}acquisition: .*\n/, '').replace('  consent: Every volunteer signed a consent form\n', '');
/** A system card whose second edge goes to a component that does not exist (MC111); without links to cards, which lint would follow. */
const systemCardWithFindings = completeSystemCard.replace('    to: generator\n', '    to: generatr\n').replace(/ {4}card: .*\n/g, '');
/** A model card without limitations (MC001) nor ethical considerations (MC005). */
const modelCardWithFindings = completeCard.replace(/\nlimitations:[\s\S]*$/, '\n').replace(/\nethical_considerations:[\s\S]*?(?=\n\S)/, '');

describe('modelcard and the three document kinds', () => {
  let folder: string;

  beforeEach(() => {
    folder = folderWith({});
  });

  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  describe('new --kind', () => {
    it('writes every template of every kind, named after what it documents with the kind’s suffix, and each lints without errors', () => {
      const expected: string[] = [];
      for (const kind of kindFiles) {
        for (const template of kind.templates) {
          const name = `${kind.label} ${template.id}`;
          const run = modelcard(['new', '--kind', kind.languageId, '--template', template.id, '--name', name], folder);
          const file = `${name.toLowerCase().replace(/ /g, '-')}${kind.fileSuffixes[0]}`;
          assert.deepEqual(run, { status: 0, stdout: `Created ${file} from the ${template.label} template. Fill in the TODOs, then run: modelcard lint ${file}\n`, stderr: '' });
          assert.equal(readFileSync(path.join(folder, file), 'utf8'), fillTemplate(template.text, name));
          expected.push(file);
        }
      }
      assert.deepEqual(readdirSync(folder).sort(), expected.sort());
      const lint = modelcard(['lint', '--format', 'json', '.'], folder);
      assert.equal(lint.status, 0, lint.stderr);
      const report = JSON.parse(lint.stdout) as JsonReport;
      assert.deepEqual(report.files.map((file) => file.path).sort(), expected.sort());
      for (const file of report.files) assert.deepEqual([...new Set(file.diagnostics.map((diagnostic) => diagnostic.code))], ['MC030'], `${file.path}: only its placeholders`);
    });

    it('never overwrites a datasheet: the next name gets -2', () => {
      writeFileSync(path.join(folder, 'faces.datasheet.yaml'), 'mine\n');
      assert.equal(modelcard(['new', '-k', 'datasheet', '-t', 'minimal', '-n', 'Faces'], folder).status, 0);
      assert.deepEqual(readdirSync(folder).sort(), ['faces-2.datasheet.yaml', 'faces.datasheet.yaml']);
      assert.equal(readFileSync(path.join(folder, 'faces.datasheet.yaml'), 'utf8'), 'mine\n');
    });

    it('names the kind’s own templates when the template is not one of them, and refuses an unknown kind, in one line', () => {
      assert.deepEqual(modelcard(['new', '--kind', 'systemcard', '--template', 'hugging-face', '--name', 'x'], folder), {
        status: 2,
        stdout: '',
        stderr: 'modelcard: no system card template is named "hugging-face"; the templates are standard, rag\n',
      });
      assert.deepEqual(modelcard(['new', '--kind', 'datashet', '--template', 'minimal', '--name', 'x'], folder), {
        status: 2,
        stdout: '',
        stderr: "modelcard: option '-k, --kind <kind>' argument 'datashet' is invalid. Allowed choices are modelcard, datasheet, systemcard.\n",
      });
      assert.deepEqual(readdirSync(folder), []);
    });
  });

  it('lint <folder> finds the documents of every kind and reports each kind’s rules, at their places', () => {
    const files = {
      'data/faces.datasheet.yaml': datasheetWithFindings,
      'systems/assistant.systemcard.yaml': systemCardWithFindings,
      'models/classifier.modelcard.yaml': modelCardWithFindings,
      'notes/readme.yaml': 'not: a document of any kind\n',
    };
    folder = folderWith(files);
    const run = modelcard(['lint', '--format', 'json', '.'], folder);
    assert.equal(run.status, 1);
    const findings = Object.fromEntries(
      (JSON.parse(run.stdout) as JsonReport).files.map((file) => [file.path, file.diagnostics.map(({ code, line, column, endLine, endColumn }) => `${code} ${line}:${column}-${endLine}:${endColumn}`)]),
    );
    const consentLine = datasheetWithFindings.split('\n').indexOf('  present: true') + 1;
    const edgeLine = systemCardWithFindings.split('\n').indexOf('    to: generatr') + 1;
    assert.deepEqual(findings, {
      [path.join('data', 'faces.datasheet.yaml')]: ['MC100 1:1-1:5', `MC101 ${consentLine}:12-${consentLine}:16`],
      [path.join('models', 'classifier.modelcard.yaml')]: ['MC001 1:1-1:5', 'MC005 1:1-1:5'],
      [path.join('systems', 'assistant.systemcard.yaml')]: [`MC111 ${edgeLine}:9-${edgeLine}:17`],
    });
  });

  describe('render', () => {
    for (const kind of documentKinds) {
      it(`renders a ${kind.words.document} with the ${kind.words.document}’s sections, as Markdown and as a page titled with its kind`, () => {
        const [file, text] = ({ modelCard: ['x.modelcard.yaml', completeCard], datasheet: ['x.datasheet.yaml', completeDatasheet], systemCard: ['x.systemcard.yaml', completeSystemCard] } as const)[
          kind.id as 'modelCard' | 'datasheet' | 'systemCard'
        ];
        writeFileSync(path.join(folder, file), text);
        const markdown = modelcard(['render', file, '--format', 'md'], folder);
        assert.equal(markdown.status, 0, markdown.stderr);
        const headings = markdown.stdout.split('\n').filter((line) => line.startsWith('## ')).map((line) => line.slice(3));
        const sectionTitles = kind.layout.sections.map((section) => section.title ?? section.key[0].toUpperCase() + section.key.slice(1).replace(/_/g, ' '));
        assert.deepEqual(headings.filter((heading) => heading !== kind.layout.detailsTitle), sectionTitles.filter((title) => headings.includes(title)));
        assert.ok(headings.length >= 4, headings.join(', '));
        const page = modelcard(['render', file, '--format', 'html'], folder).stdout;
        assert.match(page, new RegExp(`<title>[^<]+ · ${kind.label}</title>`));
      });
    }

    it('draws a system card’s components and data flow as tables', () => {
      writeFileSync(path.join(folder, 'x.systemcard.yaml'), completeSystemCard);
      const markdown = modelcard(['render', 'x.systemcard.yaml', '--format', 'md'], folder).stdout;
      assert.ok(markdown.includes('## Data flow\n\n| From | To | Data |\n| --- | --- | --- |\n| gateway | retriever | question |\n| retriever | generator | passages |\n| generator | gateway | answer |\n'), markdown);
    });
  });

  it('export and fill refuse a datasheet or a system card in one line, writing nothing', () => {
    writeFileSync(path.join(folder, 'faces.datasheet.yaml'), completeDatasheet);
    writeFileSync(path.join(folder, 'assistant.systemcard.yaml'), completeSystemCard);
    assert.deepEqual(modelcard(['export', 'faces.datasheet.yaml', '--to', 'hf'], folder), {
      status: 2,
      stdout: '',
      stderr: 'modelcard: faces.datasheet.yaml is a datasheet: export works on model cards (*.modelcard.yaml)\n',
    });
    assert.deepEqual(modelcard(['fill', 'assistant.systemcard.yaml', '--mlflow', 'mlflow.db', '--run', 'abc'], folder), {
      status: 2,
      stdout: '',
      stderr: 'modelcard: assistant.systemcard.yaml is a system card: fill works on model cards (*.modelcard.yaml)\n',
    });
    assert.deepEqual(readdirSync(folder).sort(), ['assistant.systemcard.yaml', 'faces.datasheet.yaml']);
  });

  it('rules lists every kind’s rules', () => {
    const listed = (JSON.parse(modelcard(['rules', '--format', 'json'], folder).stdout) as { code: string }[]).map((rule) => rule.code);
    for (const kind of documentKinds) for (const rule of kind.rules) assert.ok(listed.includes(rule.code), `${kind.label}: ${rule.code}`);
    for (const code of ['MC100', 'MC101', 'MC102', 'MC103', 'MC110', 'MC111', 'MC112', 'MC113', 'MC114']) assert.ok(listed.includes(code), code);
  });
});
