import { parseArgs } from 'node:util';
import { defaultSettings, severitySettings as severities, type SeveritySetting } from '../protocol';
import { rulesByCode } from '../service/diagnostics/rules';
import { UsageError } from './findCards';
import { lint, type CommandOutput, type LintFormat } from './lint';

const usage = `Usage: modelcard <command> [options]

Commands:
  lint [paths or globs...]   Check model cards (*.modelcard.yaml). Folders are searched.
      --format text|json|sarif   Output format (default: text)
      --rule CODE=SEVERITY       Override a rule's severity (error, warning, information, hint, off);
                                 CODE is a code (MC003) or a name (missing-intended-uses). Repeatable.
  rules                      List the rules, their codes and default severities.

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
    },
  });
  const [command, ...targets] = positionals;
  if (values.help || command === undefined) return { stdout: usage, stderr: '', exitCode: command === undefined && !values.help ? 2 : 0 };
  if (command === 'rules') return { stdout: listRules(), stderr: '', exitCode: 0 };
  if (command !== 'lint') throw new UsageError(`unknown command "${command}"`, true);
  const format = values.format as LintFormat;
  if (!formats.includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')}`, true);
  return lint({ targets, format, settings: { ...defaultSettings, rules: ruleOverrides(values.rule) } });
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
