import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';

const root = path.resolve(__dirname, '../..');
const groups = ['unit', 'slow', 'integration'];
const specOf = (config: { spec: string[] }) => config.spec;
const filesOf = (spec: string[]) => globSync(spec, { cwd: root });

describe('the mocha test groups (test/groups/)', () => {
  it('run every test file outside test/vscode/ in exactly one group', () => {
    const byGroup = new Map(groups.map((group) => [group, filesOf(specOf(require(path.join(root, 'test/groups', `${group}.cjs`))))]));
    const everyTest = globSync(['test/**/*.test.ts', '!test/vscode/**'], { cwd: root });
    const groupsOf = (file: string) => groups.filter((group) => byGroup.get(group)!.includes(file));
    assert.deepEqual(everyTest.filter((file) => groupsOf(file).length !== 1).map((file) => `${file}: ${groupsOf(file).join(', ') || 'no group'}`), []);
  });

  it('let `npx mocha` (.mocharc.json) run the unit and the slow groups', () => {
    const mocharc = JSON.parse(readFileSync(path.join(root, '.mocharc.json'), 'utf8'));
    const expected = ['unit', 'slow'].flatMap((group) => filesOf(specOf(require(path.join(root, 'test/groups', `${group}.cjs`)))));
    assert.deepEqual(filesOf(specOf(mocharc)).sort(), expected.sort());
  });
});
