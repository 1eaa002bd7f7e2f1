import assert from 'node:assert/strict';
import { ValidationScheduler } from '../../../server/src/lsp/validationScheduler';

/**
 * The event loop's turns, as the JSON-RPC connection and the scheduler see them: each task runs in
 * a turn of its own, in the order queued (as setImmediate callbacks do).
 */
class Turns {
  private readonly queue: (() => void)[] = [];
  readonly next = (run: () => void) => void this.queue.push(run);
  runAll(): void {
    for (let task = this.queue.shift(); task; task = this.queue.shift()) task();
  }
}

describe('the validation scheduler', () => {
  it('validates a burst of 200 edits, handled one per turn as the connection does, once, after the last', () => {
    const turns = new Turns();
    const validatedAfter: number[] = [];
    let handled = 0;
    const scheduler = new ValidationScheduler(async () => void validatedAfter.push(handled), (error) => assert.fail(String(error)), turns.next);
    const handleMessage = () => {
      handled++;
      scheduler.request('file:///a.modelcard.yaml');
      if (handled < 200) turns.next(handleMessage);
    };
    turns.next(handleMessage);
    turns.runAll();
    assert.deepEqual(validatedAfter, [200]);
  });

  it('validates a single edit after one quiet turn, and each of two edits apart', () => {
    const turns = new Turns();
    const validated: string[] = [];
    const scheduler = new ValidationScheduler(async (uri) => void validated.push(uri), (error) => assert.fail(String(error)), turns.next);
    scheduler.request('file:///a.modelcard.yaml');
    turns.runAll();
    assert.deepEqual(validated, ['file:///a.modelcard.yaml']);
    scheduler.request('file:///b.modelcard.yaml');
    turns.runAll();
    assert.deepEqual(validated, ['file:///a.modelcard.yaml', 'file:///b.modelcard.yaml']);
  });

  it('validates a burst of requests for one card once', async () => {
    const validated: string[] = [];
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const scheduler = new ValidationScheduler(async (uri) => {
      validated.push(uri);
      done();
    }, (error) => assert.fail(String(error)));
    for (let edit = 0; edit < 5; edit++) scheduler.request('file:///a.modelcard.yaml');
    await finished;
    assert.deepEqual(validated, ['file:///a.modelcard.yaml']);
  });

  it('hands a failed validation to its error handler, and keeps validating', async () => {
    const errors: unknown[] = [];
    const validated: string[] = [];
    let next!: () => void;
    const scheduler = new ValidationScheduler(
      async (uri) => {
        validated.push(uri);
        if (validated.length === 1) throw new Error('connection closed');
        next();
      },
      (error) => {
        errors.push(error);
        next();
      },
    );
    const failed = new Promise<void>((resolve) => (next = resolve));
    scheduler.request('file:///a.modelcard.yaml');
    await failed;
    assert.deepEqual(errors.map(String), ['Error: connection closed']);
    const succeeded = new Promise<void>((resolve) => (next = resolve));
    scheduler.request('file:///a.modelcard.yaml');
    await succeeded;
    assert.equal(validated.length, 2);
    assert.equal(errors.length, 1);
  });
});
