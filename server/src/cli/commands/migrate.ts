import { Command } from 'commander';

export function migrateCommand(): Command {
  return new Command('migrate')
    .summary('upgrade cards to the current format version')
    .description('Upgrade cards to the current format version (schema_version), in place, keeping comments, key order and line endings.')
    .argument('<cards...>', 'card files, folders or globs')
    .option('--dry-run', 'say what would change; write nothing')
    .addHelpText('after', '\nExample:\n  modelcard migrate models/ --dry-run')
    .action(async (targets: string[], options: { dryRun?: boolean }) => {
      const { runMigrate } = await import('../migrateCards');
      process.exitCode = await runMigrate(targets, options.dryRun === true);
    });
}
