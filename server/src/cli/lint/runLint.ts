import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { readCardsTrackerValues } from '../../node/storePaths';
import { governanceStatuses, severitySettings, toSeveritySetting, type SeveritySetting } from '../../protocol';
import { cardSettings, isIgnored, ruleCode } from '../../service/config/projectConfig';
import { rulesByCode } from '../../service/diagnostics/rules';
import { createLanguageService, type LanguageService } from '../../service/languageService';
import { closestMatch } from '../../service/text/closestMatch';
import { CardSettingsResolver } from '../cardSettingsResolver';
import type { LintOptions } from '../commands/lint';
import type { CommandOutput } from '../commandOutput';
import { exitCodes, UsageError } from '../errors';
import { displayPath, readCardText } from '../files';
import { cardPattern, findCards, hubReadmePattern, type FoundCard } from '../findCards';
import { formatters } from './formats';
import { countBySeverity, slashPath } from './formats/report';
import { summaryLine } from './formats/text';
import type { FixMode, LintedCard, LintTask } from './lintCard';
import { lintAll, threadCount } from './lintPool';
import { addCrossFileFindings } from './crossFileFindings';
import { ProgressLine } from './progress';

/** `modelcard lint`: the report for stdout, what a person should read for stderr, and the exit code. */
export async function lintCards(targets: readonly string[], options: LintOptions): Promise<CommandOutput> {
  const fixMode: FixMode = options.fix ? 'fix' : options.fixDryRun ? 'dry-run' : 'none';
  if (fixMode === 'dry-run' && options.format !== 'text') throw new UsageError(`--fix-dry-run prints a diff; it cannot be combined with --format ${options.format}`);
  const overrides = ruleOverrides(options.rule);
  const found = await findCards(targets.length > 0 ? targets : ['.'], process.cwd(), options.hubReadmes ? [cardPattern, hubReadmePattern] : [cardPattern]);
  const { tasks, ignored } = await planTasks(found, new CardSettingsResolver({ rules: overrides, policy: options.policy }), fixMode);
  const service = createLanguageService();
  if (options.verify) await attachTrackerValues(service, tasks);
  const progress = new ProgressLine(tasks.length);
  // The bundle (dist/cli.js) is its own worker script: main.ts starts a worker when it is not the
  // main thread. Run unbundled (tests, the bench), the main thread lints alone.
  const bundled = __filename.endsWith('.js');
  const threads = bundled ? options.jobs || threadCount(tasks.length, availableParallelism()) : 1;
  const cards = await lintAll(service, tasks, threads, __filename, (done) => progress.update(done));
  progress.clear();
  addCrossFileFindings(service, tasks, cards);

  const gateFailures = options.requireStatus ? statusGateFailures(cards, options.requireStatus) : new Map<string, string>();
  const linted = cards.filter((card) => !card.error);
  const warnings = countBySeverity(linted).warning;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;

  const stderr: string[] = [
    ...ignored,
    ...linted.flatMap((card) => card.fixes.map((fix) => `${card.path}:${fix.line + 1}: ${fixMode === 'fix' ? 'fixed' : 'would fix'} ${fix.code} ${fix.title}`)),
    ...cards.flatMap((card) => (card.error ? [`modelcard: ${card.error}`] : [])),
    ...[...gateFailures.entries()].map(([file, reason]) => `${file}: ${reason}`),
    ...(tooManyWarnings ? [`modelcard: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings}`] : []),
    ...(options.format === 'text' ? [...fixSummary(linted, fixMode), summaryLine(linted)] : []),
  ];
  const stdout = fixMode === 'dry-run' ? linted.map((card) => card.diff ?? '').join('') : formatters[options.format]({ cards, settings: cardSettings(undefined, { rules: overrides }), gateFailures });
  const errors = linted.some((card) => card.diagnostics.some((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error));
  const exitCode = cards.some((card) => card.error) ? exitCodes.usage : errors || tooManyWarnings || gateFailures.size > 0 ? exitCodes.findings : exitCodes.clean;
  return { stdout, stderr: stderr.map((line) => `${line}\n`).join(''), exitCode };
}

/**
 * `--verify`: the values of every card's bound results, read from their runs (each store and run
 * once for all the cards), for the rules that compare them with the card (MC061, MC062).
 */
async function attachTrackerValues(service: LanguageService, tasks: LintTask[]): Promise<void> {
  const readable = tasks.flatMap((task) => {
    try {
      const document = TextDocument.create(pathToFileURL(path.resolve(task.path)).href, 'modelcard', 1, readCardText(task.path));
      return [{ task, file: task.path, card: service.parse(document) }];
    } catch (error) {
      if (error instanceof UsageError) return []; // lintCard says why, in its turn.
      throw error;
    }
  });
  const values = await readCardsTrackerValues(readable);
  readable.forEach(({ task, card }, index) => {
    task.trackerValues = values[index];
    service.forget(card.document.uri);
  });
}

/** The cards to lint with their settings (project config, `--rule`, policy), leaving out those the config ignores. */
async function planTasks(found: readonly FoundCard[], resolver: CardSettingsResolver, fixMode: FixMode): Promise<{ tasks: LintTask[]; ignored: string[] }> {
  const tasks: LintTask[] = [];
  const ignored: string[] = [];
  for (const card of found) {
    const { settings, config } = await resolver.forCard(card.path);
    if (config && isIgnored(config.config, slashPath(path.relative(path.dirname(config.path), path.resolve(card.path))))) {
      if (card.named) ignored.push(`${card.path}: not linted: it matches an ignore glob of ${displayPath(config.path)}`);
      continue;
    }
    tasks.push({ path: card.path, settings, fixMode });
  }
  return { tasks, ignored };
}

/** `--rule CODE=SEVERITY`, repeated: the severity overrides, by rule code. */
function ruleOverrides(specs: readonly string[]): Record<string, SeveritySetting> {
  const overrides: Record<string, SeveritySetting> = {};
  const names = [...rulesByCode.values()].flatMap((rule) => [rule.code, rule.name]);
  for (const spec of specs) {
    const [rule, given, ...rest] = spec.split('=');
    const severity = toSeveritySetting(given);
    if (!rule || rest.length > 0 || !severity) {
      throw new UsageError(`--rule expects CODE=SEVERITY with SEVERITY one of ${severitySettings.join(', ')} (or warn, info); got "${spec}"`);
    }
    const code = ruleCode(rule);
    if (!code) {
      const closest = closestMatch(rule, names);
      throw new UsageError(`--rule: no rule is named "${rule}"${closest ? ` (did you mean ${closest}?)` : ''}; \`modelcard rules\` lists them`);
    }
    overrides[code] = severity;
  }
  return overrides;
}

/** The cards that miss `--require-status`, with why, by path. */
function statusGateFailures(cards: readonly LintedCard[], required: 'approved' | 'published'): Map<string, string> {
  const failures = new Map<string, string>();
  for (const card of cards) {
    const failure = !card.error && statusGate(card.status, required);
    if (failure) failures.set(card.path, failure);
  }
  return failures;
}

/** Why a card with this status misses `--require-status required`, if it does. */
export function statusGate(status: string | undefined, required: 'approved' | 'published'): string | undefined {
  const order: readonly string[] = governanceStatuses.filter((value) => value !== 'archived');
  if (status === 'archived') return `status is archived, not ${required} (--require-status ${required})`;
  if (status !== undefined && order.indexOf(status) >= order.indexOf(required)) return undefined;
  return `status is ${status ?? 'not set (a draft)'}, below ${required} (--require-status ${required})`;
}

function fixSummary(cards: readonly LintedCard[], fixMode: FixMode): string[] {
  if (fixMode === 'none') return [];
  const fixes = cards.reduce((sum, card) => sum + card.fixes.length, 0);
  const fixedCards = cards.filter((card) => card.fixes.length > 0).length;
  const verb = fixMode === 'fix' ? 'Fixed' : 'Would fix';
  return [`${verb} ${fixes} problem${fixes === 1 ? '' : 's'} in ${fixedCards} card${fixedCards === 1 ? '' : 's'}${fixMode === 'dry-run' ? ' (nothing written)' : ''}; what remains:`];
}

