import { CommanderError } from 'commander';
import { isMainThread } from 'node:worker_threads';
import { errorReport, exitCodes } from './errors';

/** Runs the command line; every error ends as one line on stderr (the stack only with MODELCARD_DEBUG=1). */
async function main(): Promise<void> {
  // `modelcard lint | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const { createProgram, commanderExitCode } = await import('./program');
  try {
    await createProgram().parseAsync(process.argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error, commanderExitCode);
  }
}

function exitCodeFor(error: unknown, commanderExitCode: (error: CommanderError) => number): number {
  // Commander has printed its own one-line message (or the help, or the version).
  if (error instanceof CommanderError) return commanderExitCode(error);
  process.stderr.write(errorReport(error, process.env.MODELCARD_DEBUG === '1'));
  return exitCodes.usage;
}

if (isMainThread) {
  void main();
} else {
  // A worker thread of `lint`: the bundle is its own worker script.
  void import('./lint/lintWorker').then(({ startLintWorker }) => startLintWorker());
}
