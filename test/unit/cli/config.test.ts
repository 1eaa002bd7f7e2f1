import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { folderWith, modelcard } from '../../helpers/cli';
import { completeCard } from '../../helpers/ruleTests';

/** A card that every rule accepts but MC030: a `TODO` on line 13 (and `XXX` nowhere). */
const todoCard = completeCard.replace('No personal data', 'TODO');

describe('modelcard lint with a project config (.modelcardrc.yaml)', () => {
  let folder: string;

  before(() => {
    folder = folderWith({
      '.modelcardrc.yaml': 'rules:\n  placeholder: off\nignore:\n  - drafts\n',
      'top.modelcard.yaml': todoCard,
      'drafts/wip.modelcard.yaml': 'not: [a card\n',
      'team/.modelcardrc.yml': 'rules:\n  MC030: error\n',
      'team/a.modelcard.yaml': todoCard,
      'team/plain-package/package.json': '{ "name": "no-config-here" }\n',
      'team/plain-package/b.modelcard.yaml': todoCard,
      'npm/package.json': '{\n  "name": "models",\n  "modelcard": { "rules": { "MC030": "info" }, "placeholders": ["XXX"] }\n}\n',
      'npm/c.modelcard.yaml': todoCard.replace('TODO', 'XXX'),
      'npm/d.modelcard.yaml': todoCard,
    });
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  const findings = (args: string[]) => {
    const run = modelcard(['lint', '--format', 'json', ...args], folder);
    const report = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { code: string; severity: string }[] }[] };
    return Object.fromEntries(report.files.map((file) => [file.path, file.diagnostics.map((finding) => `${finding.code} ${finding.severity}`)]));
  };

  it('applies the nearest config to each card (nearest wins; a package.json without the key does not count)', () => {
    assert.deepEqual(findings(['.']), {
      'npm/c.modelcard.yaml': ['MC030 information'],
      'npm/d.modelcard.yaml': [],
      'team/a.modelcard.yaml': ['MC030 error'],
      'team/plain-package/b.modelcard.yaml': ['MC030 error'],
      'top.modelcard.yaml': [],
    });
  });

  it('lets --rule override the config', () => {
    assert.deepEqual(findings(['--rule', 'MC030=warn', 'top.modelcard.yaml', 'team/a.modelcard.yaml']), {
      'top.modelcard.yaml': ['MC030 warning'],
      'team/a.modelcard.yaml': ['MC030 warning'],
    });
  });

  it('skips the cards its ignore globs match, and says so for a card named on the command line', () => {
    const run = modelcard(['lint', 'drafts/wip.modelcard.yaml', 'top.modelcard.yaml'], folder);
    assert.deepEqual(run, {
      status: 0,
      stdout: '',
      stderr: 'drafts/wip.modelcard.yaml: not linted: it matches an ignore glob of .modelcardrc.yaml\nNo problems in 1 card.\n',
    });
  });

  it('stops with one line per problem, at its position, when a config is wrong (exit code 2)', () => {
    const broken = folderWith({
      '.modelcardrc.yaml': 'rules:\n  MC003: loud\n',
      'card.modelcard.yaml': completeCard,
      'pkg/package.json': '{\n  "modelcard": { "rulez": {} }\n}\n',
      'pkg/card.modelcard.yaml': completeCard,
    });
    try {
      assert.deepEqual(modelcard(['lint', 'card.modelcard.yaml'], broken), {
        status: 2,
        stdout: '',
        stderr: 'modelcard: .modelcardrc.yaml:2:10: `loud` is not a severity for MC003: use error, warning, information, hint, off (warn and info for short)\n',
      });
      assert.deepEqual(modelcard(['lint', 'pkg'], broken), {
        status: 2,
        stdout: '',
        stderr: 'modelcard: pkg/package.json:2:18: unknown key `rulez` (did you mean `rules`?): the config has rules, placeholders, ignore, disparity\n',
      });
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
