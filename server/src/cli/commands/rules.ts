import { Command, Option } from 'commander';

export function rulesCommand(): Command {
  return new Command('rules')
    .summary('list the rules')
    .description('List the rules: code, name, default severity and why the rule exists.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async ({ format }: { format: 'text' | 'json' }) => {
      const { rulesByCode } = await import('../../service/diagnostics/rules');
      const rules = [...rulesByCode.values()].map(({ code, name, defaultSeverity, rationale }) => ({ code, name, defaultSeverity, rationale }));
      process.stdout.write(
        format === 'json'
          ? `${JSON.stringify(rules, null, 2)}\n`
          : rules.map((rule) => `${rule.code}  ${rule.name.padEnd(32)} ${rule.defaultSeverity.padEnd(11)} ${rule.rationale}\n`).join(''),
      );
    });
}
