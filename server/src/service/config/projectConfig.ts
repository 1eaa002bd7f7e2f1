import picomatch from 'picomatch';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Pair } from 'yaml';
import { defaultSettings, severitySettings, toSeveritySetting, type ModelCardSettings, type SeveritySetting } from '../../protocol';
import { rulesByCode } from '../diagnostics/rules';
import type { DisparityBounds } from '../policy/policy';
import { isNull, startOf, suggestion } from './configNodes';

/**
 * A project's config file (`.modelcardrc.yaml`, or the `modelcard` key of `package.json`): what
 * the CLI and the editor both apply to the cards in its folder and below. This module reads its
 * text; finding the file is the job of server/src/node/projectConfig.ts.
 */
export interface ProjectConfig {
  /** Severity overrides, by rule code. */
  rules: Record<string, SeveritySetting>;
  /** Replaces the built-in placeholder words when given. */
  placeholders?: string[];
  /** Globs, relative to the config file's folder, of cards to leave alone. */
  ignore: string[];
  /** Bounds of the slice-disparity rule (MC027), over the policy's. */
  disparity?: Partial<DisparityBounds>;
}

/** Something wrong in a config file, at a line and column (from 1). */
export interface ConfigProblem {
  line: number;
  column: number;
  message: string;
}

export interface ParsedProjectConfig {
  /** What the file sets, without the entries that have problems. */
  config: ProjectConfig;
  problems: ConfigProblem[];
}

/** The config file names, nearest first within a folder. */
export const configFileNames = ['.modelcardrc.yaml', '.modelcardrc.yml', 'package.json'] as const;

/** The key of `package.json` that holds the config. */
export const packageJsonKey = 'modelcard';

const configKeys = ['rules', 'placeholders', 'ignore', 'disparity'];
const ruleKeys = [...rulesByCode.values()].flatMap((rule) => [rule.code, rule.name]);
const severityList = `${severitySettings.join(', ')} (warn and info for short)`;

/**
 * Reads a config file's text. For `package.json` the config is its `modelcard` key, and a
 * package.json without one is not a config file (undefined).
 */
export function parseProjectConfig(text: string, fileName: string): ParsedProjectConfig | undefined {
  // Most package.json files have no config: JSON.parse tells at a fraction of the cost of a YAML parse with positions.
  if (fileName === 'package.json' && !hasPackageJsonKey(text)) return undefined;
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: ConfigProblem[] = [];
  const at = (offset: number, message: string) => {
    const { line, col } = lineCounter.linePos(offset);
    problems.push({ line, column: col, message });
  };
  const config: ProjectConfig = { rules: {}, ignore: [] };
  const isPackageJson = fileName === 'package.json';
  if (document.errors.length > 0) {
    const [error] = document.errors;
    at(error.pos[0], `${isPackageJson ? 'JSON' : 'YAML'} error: ${error.message.split('\n')[0]}`);
    return { config, problems };
  }
  let root: unknown = document.contents;
  if (isPackageJson) {
    const pair = isMap(root) ? root.items.find((item) => isScalar(item.key) && item.key.value === packageJsonKey) : undefined;
    if (!pair) return undefined;
    root = pair.value;
  }
  if (root === null || (isScalar(root) && root.value === null)) return { config, problems };
  if (!isMap(root)) {
    at(startOf(root), `the config must be a mapping with the keys ${configKeys.join(', ')}`);
    return { config, problems };
  }
  for (const pair of root.items) readEntry(pair, config, at);
  return { config, problems };
}

/** Whether package.json text has a top-level `modelcard` key; text that is not JSON may have one (its error is then reported). */
function hasPackageJsonKey(text: string): boolean {
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === 'object' && json !== null && Object.hasOwn(json, packageJsonKey);
  } catch {
    return text.includes(`"${packageJsonKey}"`);
  }
}

type Report = (offset: number, message: string) => void;

function readEntry(pair: Pair, config: ProjectConfig, at: Report): void {
  const key = isScalar(pair.key) ? String(pair.key.value) : '';
  const keyStart = startOf(pair.key);
  if (key === 'rules') readRules(pair.value, config, at, keyStart);
  else if (key === 'placeholders') {
    const placeholders = readStrings(pair.value, 'placeholders', at, keyStart, { allowEmpty: false });
    if (placeholders) config.placeholders = placeholders;
  }
  else if (key === 'ignore') config.ignore = readStrings(pair.value, 'ignore', at, keyStart, { allowEmpty: true }) ?? [];
  else if (key === 'disparity') config.disparity = readDisparity(pair.value, at, keyStart);
  else at(keyStart, `unknown key \`${key}\`${suggestion(key, configKeys)}: the config has ${configKeys.join(', ')}`);
}

function readRules(value: unknown, config: ProjectConfig, at: Report, keyStart: number): void {
  if (isNull(value)) return;
  if (!isMap(value)) {
    at(startOf(value, keyStart), '`rules` must map rule codes or names to a severity, e.g. `MC003: off`');
    return;
  }
  for (const pair of value.items) {
    const rule = isScalar(pair.key) ? String(pair.key.value) : '';
    const code = ruleCode(rule);
    if (!code) {
      at(startOf(pair.key, keyStart), `\`${rule}\` is not a rule${suggestion(rule, ruleKeys)} (\`modelcard rules\` lists them)`);
      continue;
    }
    const given = isScalar(pair.value) ? pair.value.value : undefined;
    const severity = toSeveritySetting(given);
    if (!severity) {
      at(startOf(pair.value, startOf(pair.key, keyStart)), `\`${String(given ?? '')}\` is not a severity for ${rule}: use ${severityList}`);
      continue;
    }
    config.rules[code] = severity;
  }
}

function readDisparity(value: unknown, at: Report, keyStart: number): ProjectConfig['disparity'] {
  if (isNull(value)) return undefined;
  if (!isMap(value)) {
    at(startOf(value, keyStart), '`disparity` must have `min_ratio` (0.8 is the four-fifths rule) and `max_gap` (0.1 is 10 points of a rate)');
    return undefined;
  }
  const bounds: NonNullable<ProjectConfig['disparity']> = {};
  for (const pair of value.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const number = isScalar(pair.value) && typeof pair.value.value === 'number' ? pair.value.value : undefined;
    if (key === 'min_ratio' && number !== undefined && number > 0 && number <= 1) bounds.minRatio = number;
    else if (key === 'max_gap' && number !== undefined && number >= 0) bounds.maxGap = number;
    else if (key === 'min_ratio' || key === 'max_gap') at(startOf(pair.value, startOf(pair.key, keyStart)), key === 'min_ratio' ? '`min_ratio` must be a number above 0, at most 1' : '`max_gap` must be a number from 0 up');
    else at(startOf(pair.key, keyStart), `unknown key \`${key}\` in disparity${suggestion(key, ['min_ratio', 'max_gap'])}: it has min_ratio and max_gap`);
  }
  return bounds;
}

function readStrings(value: unknown, key: string, at: Report, keyStart: number, { allowEmpty }: { allowEmpty: boolean }): string[] | undefined {
  if (isNull(value)) return allowEmpty ? [] : undefined;
  if (!isSeq(value)) {
    at(startOf(value, keyStart), `\`${key}\` must be a list of strings`);
    return undefined;
  }
  const strings: string[] = [];
  for (const item of value.items) {
    if (isScalar(item) && typeof item.value === 'string' && item.value.trim() !== '') strings.push(item.value);
    else at(startOf(item, keyStart), `each entry of \`${key}\` must be a non-empty string`);
  }
  return strings.length > 0 || allowEmpty ? strings : undefined;
}

/** A rule's code, given its code or its name. */
export function ruleCode(codeOrName: string): string | undefined {
  if (rulesByCode.has(codeOrName)) return codeOrName;
  return [...rulesByCode.values()].find((rule) => rule.name === codeOrName)?.code;
}

/**
 * The settings for a card: the built-in defaults, then the project's config, then `overrides`
 * (the editor's explicit settings, or the command line's `--rule`), rule by rule.
 */
export function cardSettings(config: ProjectConfig | undefined, overrides: Partial<ModelCardSettings> = {}): ModelCardSettings {
  const rules: Record<string, SeveritySetting> = { ...config?.rules };
  for (const [rule, severity] of Object.entries(overrides.rules ?? {})) rules[ruleCode(rule) ?? rule] = severity;
  return {
    rules,
    placeholders: overrides.placeholders ?? config?.placeholders ?? defaultSettings.placeholders,
    verify: overrides.verify ?? defaultSettings.verify,
    huggingFace: overrides.huggingFace ?? defaultSettings.huggingFace,
    ...(config?.disparity ? { disparity: config.disparity } : {}),
    ...(overrides.policyFile ? { policyFile: overrides.policyFile } : {}),
    ...(overrides.policy ? { policy: overrides.policy } : {}),
    ...(overrides.today ? { today: overrides.today } : {}),
  };
}

const matchers = new WeakMap<ProjectConfig, (path: string) => boolean>();

/** Whether the config's `ignore` globs leave a card alone; `relativePath` goes from the config's folder to the card, with `/`. */
export function isIgnored(config: ProjectConfig, relativePath: string): boolean {
  if (config.ignore.length === 0 || relativePath.startsWith('../')) return false;
  let matches = matchers.get(config);
  if (!matches) {
    matches = picomatch(config.ignore.map((glob) => glob.replace(/^\.\/|\/+$/g, '')), { dot: true });
    matchers.set(config, matches);
  }
  // A glob naming a folder ignores what is in it, as in .gitignore.
  const segments = relativePath.split('/');
  return segments.some((_, index) => matches(segments.slice(0, index + 1).join('/')));
}
