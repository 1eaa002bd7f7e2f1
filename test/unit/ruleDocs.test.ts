import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { syncedRuleDocs } from '../../scripts/syncRuleDocs';

const root = path.resolve(__dirname, '../..');

describe('the rules and settings as the manifest and the READMEs list them', () => {
  for (const { file, text } of syncedRuleDocs()) {
    it(`${file} lists them as the code defines them`, () => {
      assert.equal(readFileSync(path.join(root, file), 'utf8'), text, `${file} is out of date with the rules or settings in the code: run \`npm run sync:rules\``);
    });
  }
});
