/** What a command prints and how it ends, for commands that can also run in-process (tests, bench). */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Prints a command's output and sets the exit code. */
export function writeOutput(output: CommandOutput): void {
  process.stdout.write(output.stdout);
  process.stderr.write(output.stderr);
  process.exitCode = output.exitCode;
}
