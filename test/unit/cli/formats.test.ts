import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { folderWith, modelcard, repoRoot } from '../../helpers/cli';
import { completeCard } from '../../helpers/ruleTests';

/** The complete card with an unknown key (error, line 3) and a placeholder (warning, line 14). */
const cardWithErrors = completeCard.replace("version: '1.0'\n", "version: '1.0'\nlicence: mit\n").replace('No personal data', 'TODO');
/** A warning only, in a file whose name needs escaping in every format: a comma, a colon, a space, an ampersand. */
const oddName = 'odd, name: & co.modelcard.yaml';

describe('modelcard lint --format (each output format)', () => {
  let folder: string;

  before(() => {
    folder = folderWith({
      'clean.modelcard.yaml': completeCard,
      'errors.modelcard.yaml': cardWithErrors,
      [oddName]: completeCard.replace('No personal data', 'TODO <50% & "more"'),
    });
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  const lint = (format: string, ...cards: string[]) => modelcard(['lint', '--format', format, ...cards], folder);

  it('github: one workflow command per finding, with properties and message escaped as GitHub documents', () => {
    const run = lint('github', 'errors.modelcard.yaml', oddName, 'clean.modelcard.yaml');
    assert.equal(run.status, 1);
    assert.equal(run.stderr, '');
    assert.equal(
      run.stdout,
      '::error file=errors.modelcard.yaml,line=3,col=1,endLine=3,endColumn=8,title=MC010::Unknown key `licence` in the card. Did you mean `license`?\n' +
        '::warning file=errors.modelcard.yaml,line=14,col=25,endLine=14,endColumn=29,title=MC030::Placeholder `TODO` left in `ethical_considerations`: replace it with what you know.\n' +
        '::warning file=odd%2C name%3A & co.modelcard.yaml,line=13,col=25,endLine=13,endColumn=29,title=MC030::Placeholder `TODO` left in `ethical_considerations`: replace it with what you know.\n',
    );
  });

  it('github: a card that misses --require-status gets an error annotation of its own', () => {
    const run = modelcard(['lint', '--format', 'github', '--require-status', 'approved', 'clean.modelcard.yaml'], folder);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '::error file=clean.modelcard.yaml,title=require-status::status is not set (a draft), below approved (--require-status approved)\n');
  });

  it('gitlab: a Code Climate issue per finding, with GitLab severities and stable fingerprints', () => {
    const run = lint('gitlab', 'errors.modelcard.yaml', 'clean.modelcard.yaml');
    assert.equal(run.status, 1);
    const issues = JSON.parse(run.stdout) as { fingerprint: string }[];
    assert.deepEqual(
      issues.map(({ fingerprint, ...issue }) => issue),
      [
        {
          description: 'Unknown key `licence` in the card. Did you mean `license`? (MC010)',
          check_name: 'unknown-key',
          severity: 'major',
          location: { path: 'errors.modelcard.yaml', lines: { begin: 3 } },
        },
        {
          description: 'Placeholder `TODO` left in `ethical_considerations`: replace it with what you know. (MC030)',
          check_name: 'placeholder',
          severity: 'minor',
          location: { path: 'errors.modelcard.yaml', lines: { begin: 14 } },
        },
      ],
    );
    assert.ok(issues.every(({ fingerprint }) => /^[0-9a-f]{32}$/.test(fingerprint)));
    assert.notEqual(issues[0].fingerprint, issues[1].fingerprint);
  });

  it('gitlab: fingerprints stay when lines move, and identical findings in one card still differ', () => {
    const moved = folderWith({
      'errors.modelcard.yaml': `# a comment moves every line down\n${cardWithErrors}`,
      'twice.modelcard.yaml': cardWithErrors.replace('ethical_considerations: TODO', 'ethical_considerations: TODO, then TODO'),
    });
    try {
      const before = JSON.parse(lint('gitlab', 'errors.modelcard.yaml').stdout) as { fingerprint: string; location: { lines: { begin: number } } }[];
      const after = JSON.parse(modelcard(['lint', '--format', 'gitlab', 'errors.modelcard.yaml'], moved).stdout) as typeof before;
      assert.deepEqual(after.map((issue) => issue.location.lines.begin), [4, 15]);
      assert.deepEqual(after.map((issue) => issue.fingerprint), before.map((issue) => issue.fingerprint));
      const twice = JSON.parse(modelcard(['lint', '--format', 'gitlab', 'twice.modelcard.yaml'], moved).stdout) as typeof before;
      assert.deepEqual(twice.map((issue) => issue.location.lines.begin), [3, 14, 14]);
      assert.equal(new Set(twice.map((issue) => issue.fingerprint)).size, 3);
    } finally {
      rmSync(moved, { recursive: true, force: true });
    }
  });

  it('junit: well-formed XML with one test case per card; errors fail it, warnings are output, text escaped', () => {
    const run = lint('junit', 'errors.modelcard.yaml', 'clean.modelcard.yaml', oddName);
    assert.equal(run.status, 1);
    assert.equal(XMLValidator.validate(run.stdout), true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' }).parse(run.stdout);
    assert.deepEqual(
      { ...xml.testsuites, testsuite: undefined },
      { name: 'modelcard lint', tests: '3', failures: '1', errors: '0', testsuite: undefined },
    );
    const [errors, clean, odd] = xml.testsuites.testsuite.testcase;
    assert.deepEqual(errors.failure, {
      message: '1 error',
      type: 'modelcard',
      '#text':
        'errors.modelcard.yaml:3:1 error MC010 Unknown key `licence` in the card. Did you mean `license`?\n' +
        'errors.modelcard.yaml:14:25 warning MC030 Placeholder `TODO` left in `ethical_considerations`: replace it with what you know.',
    });
    assert.deepEqual(clean, { name: 'clean.modelcard.yaml', classname: 'clean.modelcard.yaml', file: 'clean.modelcard.yaml' });
    assert.equal(odd.name, oddName);
    assert.equal(odd.failure, undefined);
    assert.match(odd['system-out'], /^odd, name: & co\.modelcard\.yaml:13:25 warning MC030 /);
    assert.match(run.stdout, /name="odd, name: &amp; co\.modelcard\.yaml"/);
  });

  it('junit: a card that misses --require-status fails, with the reason first', () => {
    const run = modelcard(['lint', '--format', 'junit', '--require-status', 'published', 'clean.modelcard.yaml'], folder);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(run.stdout);
    assert.deepEqual(xml.testsuites.testsuite.testcase.failure, {
      message: 'status is not set (a draft), below published (--require-status published)',
      type: 'modelcard',
      '#text': 'status is not set (a draft), below published (--require-status published)',
    });
  });

  describe('sarif', () => {
    // The official schema (OASIS SARIF 2.1.0, draft 2020-12) as Microsoft's SARIF multitool ships it (not in its exports).
    const schemaFile = path.join(path.dirname(require.resolve('@microsoft/sarif-multitool-ts')), '../assets/sarif-2.1.0.schema.json');
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

    it('validates against the official SARIF 2.1.0 schema, for a clean run and for one with findings', () => {
      for (const cards of [['clean.modelcard.yaml'], ['errors.modelcard.yaml', oddName, 'clean.modelcard.yaml']]) {
        const sarif = JSON.parse(lint('sarif', ...cards).stdout);
        assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
      }
    });

    it('breaks the schema when a required part is missing (the check bites)', () => {
      const sarif = JSON.parse(lint('sarif', 'errors.modelcard.yaml').stdout);
      delete sarif.runs[0].tool.driver.name;
      assert.equal(validate(sarif), false);
    });

    it('locates cards relative to %SRCROOT% (the working folder), percent-encoding their paths', () => {
      const run = JSON.parse(lint('sarif', oddName).stdout).runs[0];
      assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(folder).href}/` } });
      assert.deepEqual(run.results[0].locations[0].physicalLocation.artifactLocation, { uri: 'odd%2C%20name%3A%20%26%20co.modelcard.yaml', uriBaseId: '%SRCROOT%' });
      assert.equal(run.columnKind, 'utf16CodeUnits');
    });

    it('gives cards outside the working folder an absolute file URI', () => {
      const example = path.join(repoRoot, 'examples/typical-mistakes.modelcard.yaml');
      const run = JSON.parse(lint('sarif', example).stdout).runs[0];
      assert.deepEqual(run.results[0].locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(example).href });
    });

    it('gives every rule its help (text and Markdown) and the tool its version', () => {
      const { driver } = JSON.parse(lint('sarif', 'clean.modelcard.yaml').stdout).runs[0].tool;
      assert.equal(driver.version, JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
      const unknownKey = driver.rules.find((rule: { id: string }) => rule.id === 'MC010');
      assert.match(unknownKey.help.text, /^Keys the format does not define are usually typos/);
      assert.match(unknownKey.help.markdown, /^\*\*unknown-key\*\* \(MC010\)\n\n/);
      assert.match(unknownKey.help.markdown, /```yaml\nrules:\n {2}MC010: warning\n```$/);
    });
  });
});
