import type { Ctx } from '../ctx';

/** Show Output: the output channel where the client and the server log. */
export function showOutput(ctx: Ctx): () => void {
  return () => ctx.outputChannel.show(true);
}
