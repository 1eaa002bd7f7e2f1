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
