import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateCard } from '../../bench/generateCard';
import { createLanguageService } from '../../server/src/service/languageService';
import type { ParsedCard } from '../../server/src/service/parsing/parsedCard';
import { Job } from '../../server/src/service/steps';

// The garbage collector, asked for by the tests (a fresh context gets the `gc` global once the flag is set).
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Whether the object `ref` points to is gone after full collections, each on a later turn of the
 * event loop (a WeakRef holds its target until the current job ends, and code still being
 * optimised may hold it a little longer).
 */
async function isCollected(ref: WeakRef<object>): Promise<boolean> {
  for (let round = 0; round < 10 && ref.deref() !== undefined; round++) {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
  }
  return ref.deref() === undefined;
}

const uri = 'file:///retention/large.modelcard.yaml';
const card = generateCard(1000).text;

describe('what the service keeps of an open card', () => {
  it('lets the parse of an earlier version go once the next version is parsed and validated', async () => {
    const service = createLanguageService();
    const first = TextDocument.create(uri, 'modelcard', 1, card);
    service.validate(first);
    const earlier = new WeakRef(service.parse(first));
    const edited = card.replace('value: 0.', 'value: 1.');
    const second = TextDocument.create(uri, 'modelcard', 2, edited);
    service.validate(second);
    assert.equal(await isCollected(earlier), true);
    assert.equal(service.parse(second).text, edited);
  });

  it('lets the parse of a closed card go', async () => {
    const service = createLanguageService();
    const document = TextDocument.create(uri, 'modelcard', 1, card);
    service.validate(document);
    const parse = new WeakRef<ParsedCard>(service.parse(document));
    service.forget(uri);
    assert.equal(await isCollected(parse), true);
  });

  it('lets go of the work of a job once it is done, keeping its result', async () => {
    let input: object | undefined = { lines: card.split('\n') };
    const held = new WeakRef(input);
    const job = new Job(
      (function* (source: object) {
        yield;
        return Object.keys(source).length;
      })(input),
    );
    input = undefined;
    assert.equal(job.runWithin({ isSpent: () => false }), 1);
    assert.equal(await isCollected(held), true);
    assert.equal(job.runWithin({ isSpent: () => true }), 1);
  });
});
