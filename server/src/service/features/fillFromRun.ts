import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { FillOutcome, FillSelection } from '../../protocol';
import { metricBindings, type MetricBinding } from '../card/metricBindings';
import { isRecord } from '../card/values';
import { cardLayout, type CardLayout } from '../edits/cardLayout';
import { blockValue, EditRefusal, insertKeyEdit, sequenceIndent } from '../edits/keyEdits';
import { cardEditRefusal, indentLines, insertAfter, isNullScalar, nodeColumn, replaceNullValue, type OffsetEdit } from '../edits/lineEdits';
import type { ParsedCard } from '../parsing/parsedCard';
import { findPair, nodeAt, type CardPath } from '../parsing/yamlNodes';
import { keyMatcher } from '../text/keyGlob';
import { lineStart, nextLineStart } from '../text/lines';
import { formatPath, shorten, yamlScalar } from '../text/yamlText';
import { shortRunId } from '../trackers/boundValues';
import { parseMlflowNumber } from '../trackers/mlflowCommon';
import { numberText, roundTo } from '../trackers/precision';
import type { ModelVersion, ParamValue, Run } from '../trackers/trackerTypes';

/** What to fill the card from: a run read by a tracker reader, and the store as the card names it. */
export interface FillInput extends FillSelection {
  run: Run;
  /** The store's path relative to the card (what `source.store` and `provenance.store` say). */
  store: string;
  /** The registered model version the run was chosen through; it fills the card's `version`. */
  modelVersion?: ModelVersion;
}

/** A fill that cannot be made: its message says why, in one line. */

/**
 * The edits that fill the card from a run: bound results (same tracker and store) get the run's
 * latest values and its id; selected metrics the card lacks are added with their `source`; the
 * run's parameters go to `training.hyperparameters`; `provenance` records the run. The first fill
 * from a store takes every metric and parameter; later fills update what is there and add what
 * `metrics` / `params` select. Comments, key order and line endings stay as they are. Local paths
 * and user names are refused unless `allowLocalPaths`.
 */
export function fillFromRun(card: ParsedCard, input: FillInput): FillOutcome {
  const version = card.document.version;
  try {
    const plan = fillPlan(card, input);
    const edits = [...metricEdits(card, plan, input), ...hyperparameterEdits(card, plan.params), ...topLevelEdits(card, input)];
    return {
      version,
      edits: edits.map(({ start, end, text }): TextEdit => ({ range: { start: card.document.positionAt(start), end: card.document.positionAt(end) }, newText: text })),
      changes: plan.changes,
      notices: [...input.run.notices, ...plan.notices],
    };
  } catch (error) {
    if (error instanceof EditRefusal) return { version, edits: [], changes: [], notices: [], refused: error.message };
    throw error;
  }
}

interface FillPlan {
  /** Bound results to update, with the run's value. */
  updates: { binding: MetricBinding; value: number }[];
  /** Metric keys to add as new results. */
  additions: string[];
  /** Hyperparameters to write, by name. */
  params: [string, ParamValue][];
  changes: string[];
  notices: string[];
}

function fillPlan(card: ParsedCard, input: FillInput): FillPlan {
  const refusal = cardEditRefusal(card, 'results');
  if (refusal) throw new EditRefusal(refusal);
  const { run } = input;
  const bound = metricBindings(card).filter((binding) => binding.source.tracker === run.tracker && sameStore(binding.source.store, input.store));
  const firstFill = bound.length === 0 && !sameStore(String(provenanceOf(card).store ?? ''), input.store);
  const plan: FillPlan = { updates: [], additions: [], params: [], changes: [], notices: [] };
  for (const binding of bound) {
    const metric = run.metrics[binding.source.key];
    if (!metric) {
      plan.notices.push(`run ${shortRunId(run.id)} has no metric ${binding.source.key}: the ${binding.name} result is left as it is`);
      continue;
    }
    if (Number.isNaN(metric.value)) {
      plan.notices.push(`${binding.source.key} is NaN in run ${shortRunId(run.id)}: the ${binding.name} result is left as it is`);
      continue;
    }
    const value = rounded(metric.value, input.precision);
    plan.updates.push({ binding, value });
    const before = binding.valueText ?? '(no value)';
    plan.changes.push(before === numberText(value) ? `${binding.name}: ${before} (unchanged)` : `${binding.name}: ${before} → ${numberText(value)}`);
  }
  const boundKeys = new Set(bound.map((binding) => binding.source.key));
  const metricSelected = selection(input.metrics, firstFill);
  const selected = Object.keys(run.metrics).filter((key) => !boundKeys.has(key) && metricSelected(key));
  // A card states numbers: a metric whose latest value is NaN has none to state.
  plan.additions = selected.filter((key) => !Number.isNaN(run.metrics[key].value));
  const nan = selected.filter((key) => Number.isNaN(run.metrics[key].value));
  if (nan.length > 0) plan.notices.push(`not added, NaN in run ${shortRunId(run.id)}: ${nan.join(', ')}`);
  for (const key of plan.additions) plan.changes.push(`${key}: added (${numberText(rounded(run.metrics[key].value, input.precision))})`);
  if (input.metrics !== undefined && plan.additions.length === 0 && !Object.keys(run.metrics).some(keyMatcher(input.metrics))) {
    plan.notices.push(`no metric of run ${shortRunId(run.id)} matches ${input.metrics} (it has ${shorten(Object.keys(run.metrics).join(', '), 120) || 'none'})`);
  }
  const known = hyperparameters(card);
  const paramSelected = selection(input.params, firstFill);
  plan.params = Object.entries(run.params).filter(([key]) => key in known || paramSelected(key));
  if (plan.params.length > 0) plan.changes.push(`training.hyperparameters: ${plan.params.length} parameter${plan.params.length === 1 ? '' : 's'}`);
  if (!input.allowLocalPaths) refuseLocalData(input, plan);
  return plan;
}

/** Keys to add: those the globs match; with no globs, all on a first fill and none after. */
function selection(globs: string | undefined, firstFill: boolean): (key: string) => boolean {
  return globs === undefined ? () => firstFill : keyMatcher(globs);
}

function rounded(value: number, precision: number | undefined): number {
  return precision === undefined ? value : roundTo(value, precision);
}

/** Store paths written differently can name the same store: `./mlruns/`, `mlruns`. */
function sameStore(a: string, b: string): boolean {
  const normal = (path: string) => path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  return normal(a) === normal(b);
}

function provenanceOf(card: ParsedCard): Record<string, unknown> {
  return isRecord(card.value) && isRecord(card.value.provenance) ? card.value.provenance : {};
}

function hyperparameters(card: ParsedCard): Record<string, unknown> {
  const training = isRecord(card.value) ? card.value.training : undefined;
  return isRecord(training) && isRecord(training.hyperparameters) ? training.hyperparameters : {};
}

// --- privacy ---------------------------------------------------------------------------------

/** An absolute local path inside a value: `/home/x/...`, `~/...`, `C:\...`, `\\server\...`, `file:/...`. */
const localPath = /(?:^|[\s'"=:,;([{])(?:\/[^\s/'"]+\/|~[\\/]|[A-Za-z]:[\\/]|\\\\[^\s\\]+\\)|file:\//;

/** Refuses to write local paths or the run's user name into the card, naming the fields. */
function refuseLocalData(input: FillInput, plan: FillPlan): void {
  const user = input.run.user && input.run.user.length >= 3 ? new RegExp(`(?:^|[^\\w])${input.run.user.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\w])`, 'i') : undefined;
  const written: [string, string][] = [
    ['source.store', input.store],
    ...plan.params.map(([key, value]): [string, string] => [`training.hyperparameters.${key}`, Array.isArray(value) ? value.join(' ') : String(value)]),
    ...provenanceFields(input).map(([key, value]): [string, string] => [`provenance.${key}`, String(value)]),
  ];
  const leaks = written.flatMap(([field, value]) => {
    if (localPath.test(value)) return [`${field} (${shorten(value, 40)})`];
    if (user?.test(value)) return [`${field} (user name ${input.run.user})`];
    return [];
  });
  if (leaks.length === 0) return;
  throw new EditRefusal(
    `The fill would write local paths or user names into the card: ${shorten(leaks.join(', '), 300)}. Leave them out (--params, --metrics) or pass --allow-local-paths.`,
  );
}

// --- metrics ---------------------------------------------------------------------------------

function metricEdits(card: ParsedCard, plan: FillPlan, input: FillInput): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  for (const { binding, value } of plan.updates) {
    edits.push(...replaceScalar(card, [...binding.path, 'value'], numberText(value)));
    if (binding.source.run !== input.run.id) edits.push(...replaceScalar(card, [...binding.path, 'source', 'run'], yamlScalar(input.run.id)));
    if (input.precision !== undefined) edits.push(...roundedInterval(card, binding.path, input.precision));
  }
  if (plan.additions.length > 0) edits.push(appendResults(card, plan.additions.map((key) => resultLines(key, rounded(input.run.metrics[key].value, input.precision), input))));
  return edits;
}

/** A new result: name, value and its source (a flow mapping keeps it on one line). */
function resultLines(key: string, value: number, input: FillInput): string[] {
  const source = `{tracker: ${input.run.tracker}, store: ${yamlScalar(input.store)}, run: ${yamlScalar(input.run.id)}, key: ${yamlScalar(key)}}`;
  return [`- name: ${yamlScalar(key)}`, `  value: ${numberText(value)}`, `  source: ${source}`];
}

function appendResults(card: ParsedCard, items: string[][]): OffsetEdit {
  const layout = cardLayout(card);
  const pair = findPair(card.root!, 'metrics');
  const lines = items.flat();
  if (!pair) return insertKeyEdit(card, ['metrics'], blockValue(lines, sequenceIndent(layout)));
  const metrics = pair.value as Node | null;
  if (isNullScalar(metrics)) return replaceNullValue(card.text, metrics, indentLines(lines, nodeColumn(card.text, pair.key as Node) + sequenceIndent(layout)), layout.eol);
  if (isMap(metrics)) throw new EditRefusal('`metrics` is in the short form ({name: value}), which cannot name a source: write it as a list of results first.');
  if (!isSeq(metrics) || metrics.flow || !metrics.range || metrics.items.length === 0) throw new EditRefusal('`metrics` is not a block list of results: add the results by hand.');
  const lastItem = metrics.items[metrics.items.length - 1] as Node;
  return insertAfter(card.text, lastItem.range![1], indentLines(lines, nodeColumn(card.text, metrics)), layout.eol);
}

/** With `--precision`, the result's confidence interval is rounded like its value. */
function roundedInterval(card: ParsedCard, resultPath: CardPath, precision: number): OffsetEdit[] {
  const interval = nodeAt(card.root, [...resultPath, 'confidence_interval']);
  const bounds = isMap(interval) ? (['lower', 'upper'] as const).map((key) => findPair(interval, key)?.value) : isSeq(interval) ? interval.items : [];
  return bounds.flatMap((bound) => {
    if (!isScalar(bound) || typeof bound.value !== 'number' || !bound.range) return [];
    const text = numberText(roundTo(bound.value, precision));
    return card.text.slice(bound.range[0], bound.range[1]) === text ? [] : [{ start: bound.range[0], end: bound.range[1], text }];
  });
}

// --- hyperparameters -------------------------------------------------------------------------

function hyperparameterEdits(card: ParsedCard, params: [string, ParamValue][]): OffsetEdit[] {
  if (params.length === 0) return [];
  const layout = cardLayout(card);
  const training = findPair(card.root!, 'training');
  const entries = params.map(([key, value]) => `${yamlScalar(key)}: ${paramText(value)}`);
  const section = ['hyperparameters:', ...indentLines(entries, layout.indentSize)];
  if (!training) return [insertKeyEdit(card, ['training'], blockValue(section, layout.indentSize))];
  if (isNullScalar(training.value as Node | null)) {
    return [replaceNullValue(card.text, training.value as Node, indentLines(section, nodeColumn(card.text, training.key as Node) + layout.indentSize), layout.eol)];
  }
  if (!isMap(training.value) || training.value.flow) throw new EditRefusal('`training` is not a block mapping of keys: fill its hyperparameters by hand.');
  const pair = findPair(training.value, 'hyperparameters');
  if (!pair) return [insertKeyEdit(card, ['training', 'hyperparameters'], blockValue(entries, layout.indentSize))];
  const column = nodeColumn(card.text, pair.key as Node) + layout.indentSize;
  if (isNullScalar(pair.value as Node | null)) return [replaceNullValue(card.text, pair.value as Node, indentLines(entries, column), layout.eol)];
  if (!isMap(pair.value) || pair.value.flow) throw new EditRefusal('`training.hyperparameters` is not a block mapping of keys: fill it by hand.');
  return updateMapping(card, pair.value, params.map(([key, value]) => [key, paramText(value)]), layout);
}

/** Existing keys get their new value (YAML text); new keys go after the last one. */
function updateMapping(card: ParsedCard, map: YAMLMap, entries: [string, string][], layout: CardLayout): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  const added: string[] = [];
  for (const [key, text] of entries) {
    const pair = findPair(map, key) as Pair<Node, Node | null> | undefined;
    if (!pair) added.push(`${yamlScalar(key)}: ${text}`);
    else if (isScalar(pair.value) && pair.value.range) edits.push(...replaceNode(card, pair.value, text));
    else throw new EditRefusal(`\`${key}\` is not a single value: fix it first.`);
  }
  if (added.length > 0) {
    const last = map.items[map.items.length - 1] as Pair<Node, Node | null>;
    const end = Math.max(last.key.range![1], last.value?.range?.[1] ?? 0);
    edits.push(insertAfter(card.text, end, indentLines(added, nodeColumn(card.text, last.key)), layout.eol));
  }
  return edits;
}

/**
 * A parameter as YAML: MLflow keeps every parameter as text, so text that is a number or a
 * Python boolean is written as one (`0.001`, `true`); W&B values keep their type.
 */
function paramText(value: ParamValue): string {
  if (Array.isArray(value)) return `[${value.map((item) => paramText(item)).join(', ')}]`;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return String(value);
  const text = value as string;
  const number = parseMlflowNumber(text);
  if (number !== undefined && Number.isFinite(number) && /^-?\d/.test(text)) return text;
  if (text === 'True' || text === 'False') return text.toLowerCase();
  return yamlScalar(text);
}

// --- version and provenance ------------------------------------------------------------------

function provenanceFields(input: FillInput): [string, string | number][] {
  const { run, modelVersion } = input;
  return [
    ['tracker', run.tracker],
    ['store', input.store],
    ['run', run.id],
    ...(run.experiment ? [['experiment', run.experiment] as [string, string]] : []),
    ...(modelVersion ? [['registered_model', modelVersion.name] as [string, string], ['model_version', modelVersion.version] as [string, number]] : []),
    ...(run.gitCommit ? [['git_commit', run.gitCommit] as [string, string]] : []),
  ];
}

function topLevelEdits(card: ParsedCard, input: FillInput): OffsetEdit[] {
  const layout = cardLayout(card);
  const edits: OffsetEdit[] = [];
  if (input.modelVersion) {
    const version = `'${input.modelVersion.version}'`;
    edits.push(...(findPair(card.root!, 'version') ? replaceScalar(card, ['version'], version) : [insertKeyEdit(card, ['version'], version)]));
  }
  const fields = provenanceFields(input).map(([key, value]): [string, string] => [key, typeof value === 'number' ? String(value) : yamlScalar(value)]);
  const provenance = findPair(card.root!, 'provenance');
  if (!provenance) return [...edits, insertKeyEdit(card, ['provenance'], blockValue(fields.map(([key, value]) => `${key}: ${value}`), layout.indentSize))];
  if (!isMap(provenance.value) || provenance.value.flow) throw new EditRefusal('`provenance` is not a block mapping of keys: fix it first.');
  const map = provenance.value;
  return [...edits, ...updateMapping(card, map, fields, layout), ...staleProvenance(card, map, fields)];
}

/** Fields an earlier fill wrote that this run lacks (a model version, a commit) would now be wrong: their lines go. */
function staleProvenance(card: ParsedCard, map: YAMLMap, fields: [string, string][]): OffsetEdit[] {
  return (map.items as Pair<Node, Node | null>[]).flatMap((pair) => {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!provenanceKeys.includes(key) || fields.some(([field]) => field === key)) return [];
    const end = Math.max(pair.key.range![1], pair.value?.range?.[1] ?? 0);
    return [{ start: lineStart(card.text, pair.key.range![0]), end: nextLineStart(card.text, end), text: '' }];
  });
}

const provenanceKeys = ['tracker', 'store', 'run', 'experiment', 'registered_model', 'model_version', 'git_commit'];

// --- small edits -----------------------------------------------------------------------------

function replaceScalar(card: ParsedCard, path: CardPath, text: string): OffsetEdit[] {
  const node = nodeAt(card.root, path);
  if (!isScalar(node) || !node.range) throw new EditRefusal(`\`${formatPath(path)}\` is not a single value: fix it first.`);
  return replaceNode(card, node, text);
}

function replaceNode(card: ParsedCard, node: Node, text: string): OffsetEdit[] {
  const [start, end] = node.range!;
  if (card.text.slice(start, end) === text) return [];
  return [{ start, end, text: start === end ? ` ${text}` : text }];
}



