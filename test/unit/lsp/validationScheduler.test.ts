import assert from 'node:assert/strict';
import { ValidationScheduler } from '../../../server/src/lsp/validationScheduler';

const cardA = 'file:///a.modelcard.yaml';
const cardB = 'file:///b.modelcard.yaml';

/**
 * A scheduler over fake documents: `edit` bumps a card's version and requests its validation, the
 * way the server does on each change; every validation records the version it saw.
 */
function recordingScheduler() {
  const versions = new Map<string, number>();
  const validated: string[] = [];
  const waiters: (() => void)[] = [];
  const scheduler = new ValidationScheduler(
    async (uri) => {
      validated.push(`${uri}@${versions.get(uri)}`);
      for (const wake of waiters.splice(0)) wake();
    },
    (error) => assert.fail(String(error)),
  );
  return {
    scheduler,
    validated,
    edit(uri: string): void {
      versions.set(uri, (versions.get(uri) ?? 0) + 1);
      scheduler.request(uri);
    },
    /** Resolves once `uri` has been validated at `version` (a condition, not a delay). */
    async validation(uri: string, version: number): Promise<void> {
      while (!validated.includes(`${uri}@${version}`)) await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}

describe('the validation scheduler', () => {
  it('validates a burst of edits to one card once, at its last version', async () => {
    const { validated, edit, validation } = recordingScheduler();
    for (let count = 0; count < 5; count++) edit(cardA);
    await validation(cardA, 5);
    // One more edit, after the burst: had the burst scheduled more than one run, they would come before this one.
    edit(cardA);
    await validation(cardA, 6);
    assert.deepEqual(validated, [`${cardA}@5`, `${cardA}@6`]);
  });

  it('validates each card of a burst that edits several', async () => {
    const { validated, edit, validation } = recordingScheduler();
    edit(cardA);
    edit(cardB);
    edit(cardA);
    await validation(cardB, 1);
    await validation(cardA, 2);
    assert.deepEqual(validated, [`${cardA}@2`, `${cardB}@1`]);
  });

  it('drops a cancelled card from its burst (a card closed before its validation ran)', async () => {
    const { scheduler, validated, edit, validation } = recordingScheduler();
    edit(cardA);
    edit(cardB);
    scheduler.cancel(cardA);
    await validation(cardB, 1);
    assert.deepEqual(validated, [`${cardB}@1`]);
  });

  it('validates a cancelled card again when it is edited again', async () => {
    const { scheduler, validated, edit, validation } = recordingScheduler();
    edit(cardA);
    scheduler.cancel(cardA);
    edit(cardA);
    await validation(cardA, 2);
    assert.deepEqual(validated, [`${cardA}@2`]);
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
    scheduler.request(cardA);
    await failed;
    assert.deepEqual(errors.map(String), ['Error: connection closed']);
    const succeeded = new Promise<void>((resolve) => (next = resolve));
    scheduler.request(cardA);
    await succeeded;
    assert.equal(validated.length, 2);
    assert.equal(errors.length, 1);
  });
});
