import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';

const root = path.resolve(__dirname, '../..');
const groups = ['unit', 'slow', 'integration'];
const filesOf = (spec: string[]) => globSync(spec, { cwd: root });
/** The test files a group's configuration (test/groups/NAME.cjs) runs. */
const groupFiles = (group: string) => filesOf((require(path.join(root, 'test/groups', `${group}.cjs`)) as { spec: string[] }).spec);

describe('the mocha test groups (test/groups/)', () => {
  it('run every test file outside test/vscode/ in exactly one group', () => {
    const byGroup = new Map(groups.map((group) => [group, groupFiles(group)]));
    const groupsOf = (file: string) => groups.filter((group) => byGroup.get(group)!.includes(file));
    const misplaced = globSync(['test/**/*.test.ts', '!test/vscode/**'], { cwd: root }).filter((file) => groupsOf(file).length !== 1);
    assert.deepEqual(misplaced.map((file) => `${file}: ${groupsOf(file).join(', ') || 'no group'}`), []);
  });

  it('let `npx mocha` (.mocharc.json) run the unit and the slow groups', () => {
    const mocharc = JSON.parse(readFileSync(path.join(root, '.mocharc.json'), 'utf8'));
    assert.deepEqual(filesOf(mocharc.spec).sort(), [...groupFiles('unit'), ...groupFiles('slow')].sort());
  });

  it('let the extension host run every test of test/vscode/extensionHost/ (its index imports each one)', () => {
    const index = readFileSync(path.join(root, 'test/vscode/extensionHost/index.ts'), 'utf8');
    const imported = [...index.matchAll(/^import '\.\/([\w.]+\.test)';$/gm)].map((match) => `${match[1]}.ts`);
    const files = globSync('*.test.ts', { cwd: path.join(root, 'test/vscode/extensionHost') });
    assert.deepEqual(files.filter((file) => !imported.includes(file)), []);
  });
});
