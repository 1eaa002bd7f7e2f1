import { Command, CommanderError } from 'commander';
import { exportCommand } from './commands/export';
import { fillCommand } from './commands/fill';
import { importCommand } from './commands/import';
import { lintCommand } from './commands/lint';
import { migrateCommand } from './commands/migrate';
import { newCommand } from './commands/new';
import { renderCommand } from './commands/render';
import { rulesCommand } from './commands/rules';
import { signCommand } from './commands/sign';
import { exitCodes } from './errors';
import { version } from './version';

/** Every subcommand: one module each under commands/, loading what it needs only when it runs. */
const commands = [lintCommand, rulesCommand, newCommand, renderCommand, signCommand, migrateCommand, fillCommand, importCommand, exportCommand];

/** The `modelcard` command line. Errors in it come out as one line on stderr, with "did you mean" when a name is close. */
export function createProgram(): Command {
  const program = new Command('modelcard')
    .description('Check, fix, render, sign off and create ML model cards (*.modelcard.yaml), datasheets (*.datasheet.yaml) and system cards (*.systemcard.yaml).')
    .version(version, '-v, --version', 'print the version')
    .helpCommand('help [command]', 'show help for a command')
    .addHelpText('after', '\nExit codes: 0 clean; 1 findings at error level or a gate not met; 2 usage or I/O error.\nRun `modelcard <command> --help` for a command\'s options.');
  for (const command of commands) program.addCommand(command());
  applyToAll(program, (command) =>
    command
      .helpOption('-h, --help', 'show help')
      .showSuggestionAfterError(true)
      .exitOverride()
      .configureOutput({ outputError: (message, write) => write(`modelcard: ${oneLine(message)}\n`) }),
  );
  return program;
}

/** Commander's error text ("error: unknown option '--fromat'\n(Did you mean --format?)") as one line. */
function oneLine(message: string): string {
  return message.trim().replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').replace(/\(Did you mean/, '(did you mean');
}

function applyToAll(command: Command, configure: (command: Command) => void): void {
  configure(command);
  for (const subcommand of command.commands) applyToAll(subcommand, configure);
}

/** The exit code for an error commander threw: 0 after --help and --version, 2 for a usage error. */
export function commanderExitCode(error: CommanderError): number {
  return error.exitCode === 0 ? exitCodes.clean : exitCodes.usage;
}
