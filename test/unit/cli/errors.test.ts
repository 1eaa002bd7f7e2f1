import assert from 'node:assert/strict';
import { errorReport, UsageError } from '../../../server/src/cli/errors';

describe('CLI error reports', () => {
  it('gives a user error as its one line', () => {
    assert.equal(errorReport(new UsageError('x.modelcard.yaml: no such file or folder'), false), 'modelcard: x.modelcard.yaml: no such file or folder\n');
  });

  it('gives an internal error as one line asking for a report, without its stack', () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'items')\nmore detail");
    assert.equal(
      errorReport(error, false),
      "modelcard: internal error: Cannot read properties of undefined (reading 'items'). Please report this (MODELCARD_DEBUG=1 shows where it happened).\n",
    );
  });

  it('adds the stack with MODELCARD_DEBUG=1', () => {
    const error = new Error('boom');
    assert.equal(errorReport(error, true), `modelcard: internal error: boom. Please report this.\n${error.stack}\n`);
  });
});
