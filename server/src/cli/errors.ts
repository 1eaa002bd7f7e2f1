/** Exit codes, as in eslint and ruff. */
export const exitCodes = {
  /** Nothing at error level, every gate met. */
  clean: 0,
  /** Findings at error level, or a gate (`--max-warnings`, `--require-status`) not met. */
  findings: 1,
  /** A usage or I/O error. */
  usage: 2,
} as const;

/** A problem with what the user asked for or with their files: printed as one line, exit code 2. */
export class UsageError extends Error {}

/**
 * What stderr says about an error: a `UsageError` as its one line; anything else is our bug, said
 * in one line with a request to report it, and its stack only when `debug` (MODELCARD_DEBUG=1).
 */
export function errorReport(error: unknown, debug: boolean): string {
  if (error instanceof UsageError) return `modelcard: ${error.message}\n`;
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
  const stack = debug && error instanceof Error && error.stack ? `${error.stack}\n` : '';
  return `modelcard: internal error: ${message}. Please report this${debug ? '' : ' (MODELCARD_DEBUG=1 shows where it happened)'}.\n${stack}`;
}
