import { Command, Option } from 'commander';
import { collect, count } from './arguments';

/** `lint --format`: the output formats, as ruff and eslint name them. */
export const lintFormats = ['text', 'json', 'sarif', 'github', 'gitlab', 'junit'] as const;
export type LintFormat = (typeof lintFormats)[number];

/** `lint --require-status`: the statuses a publish gate can require. */
export const gateStatuses = ['approved', 'published'] as const;

export interface LintOptions {
  format: LintFormat;
  rule: string[];
  maxWarnings?: number;
  requireStatus?: (typeof gateStatuses)[number];
  fix?: boolean;
  fixDryRun?: boolean;
  jobs?: number;
  verify?: boolean;
  policy?: string;
  hubReadmes?: boolean;
}

export function lintCommand(): Command {
  return new Command('lint')
    .summary('check model cards, datasheets and system cards')
    .description('Check model cards (*.modelcard.yaml), datasheets (*.datasheet.yaml) and system cards (*.systemcard.yaml) against the rules. Folders are searched; globs are expanded.')
    .argument('[paths...]', 'card files, folders or globs (default: the current folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(lintFormats).default('text'))
    .option('--rule <code=severity>', "set a rule's severity (error, warning|warn, information|info, hint, off) by code (MC003) or name; repeatable", collect, [])
    .option('--max-warnings <count>', 'exit with 1 when there are more warnings than this', count)
    .addOption(new Option('--require-status <status>', 'exit with 1 for each card whose governance.status is below this').choices(gateStatuses))
    .option('--fix', 'apply the safe fixes (quoting, closest value or key, percentage as fraction) in place')
    .addOption(new Option('--fix-dry-run', 'print the safe fixes as a unified diff; write nothing').conflicts('fix'))
    .option('--verify', "check each result bound to a tracker run (source:) against the run (rules MC061, MC062); stores are only read")
    .option('--policy <file>', "the organisation's policy for every card, instead of the nearest .modelcard-policy.yaml")
    .option('--hub-readmes', 'also check the Hugging Face metadata of README.md files in folders (a README.md named is always checked)')
    .option('-j, --jobs <count>', 'threads to lint on (default: one per core once there are enough cards)', count)
    .addHelpText(
      'after',
      `
Settings come from the nearest .modelcardrc.yaml (or .modelcardrc.yml, or the "modelcard" key of
package.json) in each card's folder or above; --rule overrides it. The organisation's policy is the
nearest .modelcard-policy.yaml (or the --policy file): findings MC080-MC084 name its rules.

Exit codes: 0 no errors; 1 errors found or a gate not met; 2 usage or I/O error.

Examples:
  modelcard lint                                  every card below the current folder
  modelcard lint examples/ --format sarif > modelcard.sarif
  modelcard lint --max-warnings 0 --require-status approved models/
  modelcard lint README.md                        a Hugging Face README's metadata, as the Hub checks it`,
    )
    .action(async (paths: string[], options: LintOptions) => {
      const [{ lintCards }, { writeOutput }] = await Promise.all([import('../lint/runLint'), import('../commandOutput')]);
      writeOutput(await lintCards(paths, options));
    });
}
