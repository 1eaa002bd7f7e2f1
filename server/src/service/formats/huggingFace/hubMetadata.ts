/**
 * The Hugging Face Hub's metadata checks, offline. The Hub runs them only on its server, when a
 * README.md is pushed ("Sorry, your push was rejected during YAML metadata verification"); these
 * mirror what its documentation and its error messages say it refuses (see each check's
 * rationale in the rules). They read the metadata as plain data and report paths into it.
 */
import { isRecord } from '../../card/values';
import { closestMatch } from '../../text/closestMatch';
import { hfLicenses, pipelineSubtasks, pipelineTags } from '../../vocabulary/vocabularies';
import { isLanguageCode, languageCodeOf } from '../../vocabulary/languages';
import type { DataPath } from '../formatTypes';

export type HubCheck = 'license' | 'pipelineTag' | 'language' | 'modelIndex' | 'listValue';

export interface HubProblem {
  check: HubCheck;
  /** Where in the metadata; the value there is at fault (or its key, with `onKey`). */
  path: DataPath;
  onKey?: boolean;
  message: string;
  /** The value the author probably meant, offered as a fix. */
  suggestion?: string;
}

export const hubLicenseIds: ReadonlySet<string> = new Set(hfLicenses.map((license) => license.id));
const pipelineTagIds: ReadonlySet<string> = new Set(pipelineTags.map((tag) => tag.id));

/** Keys whose value the Hub wants as a list (a lone value is refused, e.g. "widget" must be an array). */
const listKeys = ['tags', 'metrics', 'widget', 'eval_results', 'model-index'];
/** Keys whose lists must hold no empty (null) item: the Hub refused `datasets: - null` written by the Trainer. */
const nullFreeKeys = ['datasets', 'tags', 'metrics', 'language', 'base_model'];

/** Every problem the Hub would refuse (or misread) in this metadata. */
export function hubMetadataProblems(metadata: Record<string, unknown>): HubProblem[] {
  return [...licenseProblems(metadata), ...pipelineTagProblems(metadata), ...languageProblems(metadata), ...listProblems(metadata), ...modelIndexProblems(metadata['model-index'])];
}

/** The Hub licence id closest to `text`: the same id in other case, an SPDX spelling (`Apache 2.0`), or a likely typo. */
export function closestHubLicense(text: string): string | undefined {
  const lower = text.trim().toLowerCase();
  if (hubLicenseIds.has(lower)) return lower;
  const dashed = lower.replace(/\s+licen[cs]e\b/, '').replace(/\s+/g, '-');
  if (hubLicenseIds.has(dashed)) return dashed;
  return closestMatch(text, hubLicenseIds);
}

function licenseProblems(metadata: Record<string, unknown>): HubProblem[] {
  if (!('license' in metadata) || metadata.license === null) return [];
  const license = metadata.license;
  if (typeof license !== 'string') return [{ check: 'license', path: ['license'], message: 'The Hub wants `license` as one licence id (text), e.g. `apache-2.0`.' }];
  if (!hubLicenseIds.has(license)) {
    const suggestion = closestHubLicense(license);
    const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : ' For another licence write `license: other` with `license_name` and `license_link`.';
    return [{ check: 'license', path: ['license'], message: `\`${license}\` is not on the Hub's licence list (the Hub refuses the push: "license" must be one of [apache-2.0, mit, …]).${hint}`, suggestion }];
  }
  if (license !== 'other') return [];
  const missing = ['license_name', 'license_link'].filter((key) => typeof metadata[key] !== 'string' || (metadata[key] as string).trim() === '');
  return missing.length === 0 ? [] : [{ check: 'license', path: ['license'], message: `\`license: other\` needs ${missing.map((key) => `\`${key}\``).join(' and ')}: the licence's short name and where its text is (LICENSE, LICENSE.md or a URL).` }];
}

function pipelineTagProblems(metadata: Record<string, unknown>): HubProblem[] {
  const tag = metadata.pipeline_tag;
  if (tag === undefined || tag === null) return [];
  if (typeof tag === 'string' && pipelineTagIds.has(tag)) return [];
  const text = String(tag);
  const suggestion = typeof tag === 'string' ? (pipelineSubtasks[tag] ?? closestMatch(tag, pipelineTagIds)) : undefined;
  const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
  return [{ check: 'pipelineTag', path: ['pipeline_tag'], message: `\`${text}\` is not a Hugging Face pipeline tag (the tasks of @huggingface/tasks).${hint}`, suggestion }];
}

function languageProblems(metadata: Record<string, unknown>): HubProblem[] {
  const language = metadata.language;
  if (typeof language === 'string') {
    if (/[,;]/.test(language)) return [{ check: 'language', path: ['language'], message: `\`language\` holds several languages in one text: write them as a list (${language.split(/\s*[,;]\s*/).filter(Boolean).map((part) => languageCodeOf(part) ?? part).join(', ')}).` }];
    return languageCodeProblem(language, ['language']);
  }
  if (Array.isArray(language)) return language.flatMap((code, index) => (typeof code === 'string' ? languageCodeProblem(code, ['language', index]) : []));
  return [];
}

function languageCodeProblem(code: string, path: DataPath): HubProblem[] {
  if (isLanguageCode(code)) return [];
  const suggestion = languageCodeOf(code);
  const region = /^[a-z]{2,3}[-_][A-Za-z]{2,4}$/.test(code);
  const why = region ? 'the Hub refuses region and script tags' : 'not an ISO 639-1, -2 or -3 code';
  return [{ check: 'language', path, message: `Language \`${code}\`: ${why}.${suggestion ? ` Write \`${suggestion}\`.` : ''}`, suggestion }];
}

function listProblems(metadata: Record<string, unknown>): HubProblem[] {
  const problems: HubProblem[] = [];
  for (const key of listKeys) {
    const value = metadata[key];
    if (value !== undefined && value !== null && !Array.isArray(value)) {
      problems.push({ check: 'listValue', path: [key], message: `The Hub wants \`${key}\` as a list ("${key}" must be an array); it holds a single ${isRecord(value) ? 'mapping' : 'value'}.` });
    }
  }
  for (const key of nullFreeKeys) {
    const value = metadata[key];
    if (value === null && key === 'datasets') problems.push({ check: 'listValue', path: [key], message: '`datasets` is empty (null): the Hub refuses it. Remove the key or list dataset ids.' });
    if (!Array.isArray(value)) continue;
    value.forEach((item, index) => {
      if (item === null || item === '') problems.push({ check: 'listValue', path: [key, index], message: `\`${key}\` holds an empty item: the Hub refuses it (as it refused \`datasets: [null]\` in Trainer cards). Remove it.` });
    });
  }
  return problems;
}

/** The `model-index` shape the Hub and huggingface_hub's EvalResult require. */
function modelIndexProblems(modelIndex: unknown): HubProblem[] {
  if (!Array.isArray(modelIndex)) return [];
  return modelIndex.flatMap((entry, index): HubProblem[] => {
    const path = ['model-index', index];
    if (!isRecord(entry)) return [{ check: 'modelIndex', path, message: 'Each `model-index` entry is a mapping with `name` and `results`.' }];
    const problems = requiredText(entry, 'name', path, 'A `model-index` entry needs `name` (the model\'s name).');
    if (!Array.isArray(entry.results)) {
      return [...problems, { check: 'modelIndex', path: entry.results === undefined ? path : [...path, 'results'], message: 'A `model-index` entry needs `results`: a list of results, each with `task`, `dataset` and `metrics`.' }];
    }
    return [...problems, ...entry.results.flatMap((result, resultIndex) => resultProblems(result, [...path, 'results', resultIndex]))];
  });
}

function resultProblems(result: unknown, path: DataPath): HubProblem[] {
  if (!isRecord(result)) return [{ check: 'modelIndex', path, message: 'A `model-index` result is a mapping with `task`, `dataset` and `metrics`.' }];
  const task = sectionOf(result, 'task', path, 'A `model-index` result needs `task` with `type` (a pipeline tag such as `text-classification`).');
  const dataset = sectionOf(result, 'dataset', path, 'A `model-index` result needs `dataset` with `type` (the Hub dataset id) and `name`; the Hub refuses the result without it.');
  const problems: HubProblem[] = [...task.problems, ...dataset.problems];
  if (task.value) problems.push(...requiredText(task.value, 'type', [...path, 'task'], '`task` needs `type`: the task\'s pipeline tag, e.g. `text-classification`.'));
  if (dataset.value) {
    problems.push(...requiredText(dataset.value, 'type', [...path, 'dataset'], '`dataset` needs `type`: the Hub dataset id, e.g. `glue`.'));
    problems.push(...requiredText(dataset.value, 'name', [...path, 'dataset'], '`dataset` needs `name`: a readable name, e.g. `GLUE (SST-2)`.'));
    for (const key of ['config', 'split', 'revision']) {
      const value = dataset.value[key];
      if (value !== undefined && value !== null && typeof value !== 'string') {
        problems.push({ check: 'modelIndex', path: [...path, 'dataset', key], message: `"dataset.${key}" must be a string, as the Hub says: quote it ('${String(value)}').`, suggestion: `'${String(value)}'` });
      }
    }
  }
  problems.push(...metricsProblems(result.metrics, path));
  if (result.source !== undefined) {
    if (!isRecord(result.source)) problems.push({ check: 'modelIndex', path: [...path, 'source'], message: '`source` is a mapping with `name` and `url`.' });
    else problems.push(...requiredText(result.source, 'url', [...path, 'source'], '`source` needs `url` (where the result was published); huggingface_hub refuses a source name without it.'));
  }
  return problems;
}

function metricsProblems(metrics: unknown, resultPath: DataPath): HubProblem[] {
  if (!Array.isArray(metrics) || metrics.length === 0) {
    return [{ check: 'modelIndex', path: metrics === undefined ? resultPath : [...resultPath, 'metrics'], onKey: metrics === undefined, message: 'A `model-index` result needs `metrics`: a list with each metric\'s `type` and `value`.' }];
  }
  return metrics.flatMap((metric, index): HubProblem[] => {
    const path = [...resultPath, 'metrics', index];
    if (!isRecord(metric)) return [{ check: 'modelIndex', path, message: 'A metric is a mapping with `type` and `value`.' }];
    const problems = requiredText(metric, 'type', path, 'A metric needs `type`: the metric id, e.g. `accuracy` or `wer`.');
    if (metric.value === undefined || metric.value === null || (typeof metric.value !== 'number' && typeof metric.value !== 'string')) {
      problems.push({ check: 'modelIndex', path: metric.value === undefined ? path : [...path, 'value'], message: 'A metric needs `value`: a number, or text such as "20.0 ± 1.2".' });
    }
    return problems;
  });
}

function sectionOf(result: Record<string, unknown>, key: string, path: DataPath, missing: string): { value?: Record<string, unknown>; problems: HubProblem[] } {
  const value = result[key];
  if (isRecord(value)) return { value, problems: [] };
  return { problems: [{ check: 'modelIndex', path: value === undefined ? path : [...path, key], message: value === undefined ? missing : `\`${key}\` must be a mapping. ${missing}` }] };
}

function requiredText(parent: Record<string, unknown>, key: string, path: DataPath, message: string): HubProblem[] {
  const value = parent[key];
  if (typeof value === 'string' && value.trim() !== '') return [];
  return [{ check: 'modelIndex', path: value === undefined ? path : [...path, key], message }];
}
