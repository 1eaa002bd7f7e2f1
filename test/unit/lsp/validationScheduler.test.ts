import assert from 'node:assert/strict';
import { ValidationScheduler } from '../../../server/src/lsp/validationScheduler';

describe('the validation scheduler', () => {
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
