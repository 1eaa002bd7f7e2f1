import { Command, Option } from 'commander';
import type { TrackerKind } from '../../service/trackers/trackerTypes';
import { UsageError } from '../errors';
import { count } from './arguments';

interface FillCommandOptions {
  mlflow?: string;
  wandb?: string;
  run?: string;
  experiment?: string;
  latest?: boolean;
  model?: string;
  metrics?: string;
  params?: string;
  precision?: number;
  allowLocalPaths?: boolean;
  dryRun?: boolean;
}

export function fillCommand(): Command {
  return new Command('fill')
    .summary('fill a card from an experiment run (MLflow, Weights & Biases)')
    .description(
      "Fill a card's metric results, hyperparameters and provenance from a tracker run, read offline from the files the tracker writes. The card is written only when everything succeeded; comments, key order and line endings are kept.",
    )
    .argument('<card>', 'the card file')
    .addOption(new Option('--mlflow <store>', 'an MLflow store: mlflow.db (SQLite) or an mlruns/ folder').conflicts('wandb'))
    .option('--wandb <folder>', 'a Weights & Biases wandb/ folder or run folder')
    .option('--run <id>', 'the run, by id')
    .option('--experiment <name>', 'with --latest: the latest finished run of this experiment')
    .option('--latest', 'take the latest finished run of --experiment')
    .option('--model <ref>', 'a registered model version: NAME@ALIAS or NAME/VERSION (also sets the card version)')
    .option('--metrics <globs>', 'metrics to add as results, comma-separated globs (test_*,eval/f1)')
    .option('--params <globs>', 'parameters to write to training.hyperparameters, comma-separated globs')
    .option('--precision <decimals>', 'round values (and their confidence intervals) to this many decimal places', count)
    .option('--allow-local-paths', 'write the local paths and user names the run holds (refused by default)')
    .option('--dry-run', 'print what would change as a unified diff; write nothing')
    .addHelpText(
      'after',
      '\nExamples:\n  modelcard fill churn.modelcard.yaml --mlflow mlflow.db --model churn-model@champion --dry-run\n  modelcard fill churn.modelcard.yaml --mlflow mlruns --experiment churn --latest --precision 3',
    )
    .action(async (card: string, options: FillCommandOptions) => {
      const tracker: TrackerKind | undefined = options.mlflow !== undefined ? 'mlflow' : options.wandb !== undefined ? 'wandb' : undefined;
      if (!tracker) throw new UsageError('fill needs a store: --mlflow <mlflow.db or mlruns> or --wandb <folder>');
      const [{ fill }, { writeOutput }] = await Promise.all([import('../fill'), import('../commandOutput')]);
      const { mlflow, wandb, ...selection } = options;
      writeOutput(await fill({ card, tracker, store: (mlflow ?? wandb)!, ...selection }));
    });
}
