import { parseArgs } from 'node:util';
import { defaultSettings, severitySettings as severities, type SeveritySetting } from '../protocol';
import { rulesByCode } from '../service/diagnostics/rules';
import { UsageError } from './findCards';
import { exportCard } from './exportCard';
import { importCard } from './importCard';
import { lint, type CommandOutput, type LintFormat } from './lint';

const usage = `Usage: modelcard <command> [options]

Commands:
  lint [paths or globs...]   Check model cards (*.modelcard.yaml). Folders are searched.
      --format text|json|sarif   Output format (default: text)
      --rule CODE=SEVERITY       Override a rule's severity (error, warning, information, hint, off);
                                 CODE is a code (MC003) or a name (missing-intended-uses). Repeatable.
      --hub-readmes              Also check the Hugging Face metadata of README.md files in folders
                                 (a README.md named on the command line is always checked).
  rules                      List the rules, their codes and default severities.
  import <file>              Write a .modelcard.yaml from a Hugging Face README.md, a Model Card
                             Toolkit JSON or a Markdown card, and print what could not be carried over.
      --from hf|mct|markdown     The source's format (default: from its name)
      -o, --output CARD          The card to write (a taken name gets -2)
  export <card>              Write the card in another format beside it, and print what is lost.
      --to hf|mct|cyclonedx|json The format (hf writes README.md)
      -o, --output FILE          The file to write
      --force                    Replace files that exist
      --eval-results             With --to hf: also write .eval_results/*.yaml
      --spec 1.5|1.6             With --to cyclonedx: the CycloneDX version (default 1.6)

Exit codes: 0 no errors, 1 errors found, 2 usage or I/O error.
`;

const formats: LintFormat[] = ['text', 'json', 'sarif'];
/** What `--rule` accepts before `=`: every rule's code and name. */
const knownRules = new Set([...rulesByCode.values()].flatMap((rule) => [rule.code, rule.name]));

export async function run(argv: readonly string[]): Promise<CommandOutput> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      rule: { type: 'string', multiple: true, default: [] },
      help: { type: 'boolean', short: 'h', default: false },
      'hub-readmes': { type: 'boolean', default: false },
      from: { type: 'string' },
      to: { type: 'string' },
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
      'eval-results': { type: 'boolean', default: false },
      spec: { type: 'string' },
    },
  });
  const [command, ...targets] = positionals;
  if (values.help || command === undefined) return { stdout: usage, stderr: '', exitCode: command === undefined && !values.help ? 2 : 0 };
  if (command === 'rules') return { stdout: listRules(), stderr: '', exitCode: 0 };
  if (command === 'import' || command === 'export') {
    if (targets.length !== 1) throw new UsageError(`${command} takes one file`, true);
    if (command === 'import') return importCard({ file: targets[0], from: values.from, output: values.output });
    if (!values.to) throw new UsageError('export needs --to hf, mct, cyclonedx or json', true);
    return exportCard({ card: targets[0], to: values.to, output: values.output, force: values.force, evalResults: values['eval-results'], spec: values.spec });
  }
  if (command !== 'lint') throw new UsageError(`unknown command "${command}"`, true);
  const format = values.format as LintFormat;
  if (!formats.includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')}`, true);
  return lint({ targets, format, settings: { ...defaultSettings, rules: ruleOverrides(values.rule) }, hubReadmes: values['hub-readmes'] });
}

function ruleOverrides(specs: readonly string[]): Record<string, SeveritySetting> {
  const overrides: Record<string, SeveritySetting> = {};
  for (const spec of specs) {
    const [rule, severity, ...rest] = spec.split('=');
    if (!rule || rest.length > 0 || !severities.includes(severity as SeveritySetting)) {
      throw new UsageError(`--rule expects CODE=SEVERITY with SEVERITY one of ${severities.join(', ')}; got "${spec}"`, true);
    }
    if (!knownRules.has(rule)) throw new UsageError(`--rule: no rule is named "${rule}" (\`modelcard rules\` lists them)`, true);
    overrides[rule] = severity as SeveritySetting;
  }
  return overrides;
}

function listRules(): string {
  return [...rulesByCode.values()].map((rule) => `${rule.code}  ${rule.name.padEnd(32)} ${rule.defaultSeverity.padEnd(8)} ${rule.rationale}\n`).join('');
}

async function main(): Promise<void> {
  try {
    const output = await run(process.argv.slice(2));
    process.stdout.write(output.stdout);
    process.stderr.write(output.stderr);
    process.exitCode = output.exitCode;
  } catch (error) {
    const badArguments = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') || (error instanceof UsageError && error.showUsage);
    const message = error instanceof UsageError || badArguments ? (error as Error).message : (error as Error).stack;
    process.stderr.write(`modelcard: ${message}\n${badArguments ? `\n${usage}` : ''}`);
    process.exitCode = 2;
  }
}

void main();
