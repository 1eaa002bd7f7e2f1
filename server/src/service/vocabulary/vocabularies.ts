/**
 * Controlled vocabularies, taken from maintained packages (the Hugging Face licence list is
 * the one exception, copied in hf-licenses.json with its source and date).
 * The bundler evaluates this module at build time and inlines its values (see esbuild.mjs),
 * so the packages themselves stay out of dist/.
 */
import { PIPELINE_DATA } from '@huggingface/tasks';
import spdxLicenseIds from 'spdx-license-ids/index.json';
import ISO6391 from 'iso-639-1';
import { iso6393 } from 'iso-639-3';
import hfLicenseList from './hf-licenses.json';

export interface Term {
  id: string;
  /** Human name of the term, shown in completion details and hover. */
  name: string;
  detail?: string;
}

export const hfLicenses: Term[] = hfLicenseList.licenses.map(({ id, name }) => ({
  id,
  name,
  detail: 'Hugging Face licence id',
}));

export const hfLicensesSource = `${hfLicenseList.source}; list as of ${hfLicenseList.retrieved}`;

export const spdxLicenses: Term[] = spdxLicenseIds.map((id) => ({ id, name: id, detail: 'SPDX licence id' }));

export const pipelineTags: Term[] = Object.entries(PIPELINE_DATA).map(([id, data]) => ({
  id,
  name: data.name,
  detail: `Hugging Face pipeline tag (${data.modality})`,
}));

/** Hugging Face task subtypes (`sentiment-analysis`) and the pipeline tag each belongs to. */
export const pipelineSubtasks: Record<string, string> = Object.fromEntries(
  Object.entries(PIPELINE_DATA).flatMap(([tag, data]) => ('subtasks' in data ? data.subtasks : []).map((subtask) => [subtask.type, tag])),
);

const specialLanguages: Term[] = [
  { id: 'multilingual', name: 'Many languages', detail: 'Hugging Face special language value' },
  { id: 'code', name: 'Programming languages (source code)', detail: 'Hugging Face special language value' },
];

/** ISO 639-1 codes, the special values, then ISO 639-2 codes, each with its language's name. */
export const namedLanguages: Term[] = [
  ...ISO6391.getAllCodes().map((code) => ({ id: code, name: ISO6391.getName(code), detail: 'ISO 639-1' })),
  ...specialLanguages,
  ...iso6393.flatMap((language) =>
    [...new Set([language.iso6392B, language.iso6392T])]
      .filter((code): code is string => !!code)
      .map((code) => ({ id: code, name: language.name, detail: 'ISO 639-2' })),
  ),
];

/** The other ISO 639-3 codes, without names (space-separated, to keep the bundles small). */
export const otherLanguageCodes: string = iso6393
  .map((language) => language.iso6393)
  .filter((code) => !namedLanguages.some((term) => term.id === code))
  .join(' ');
