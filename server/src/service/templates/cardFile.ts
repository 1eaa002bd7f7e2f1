import { yamlScalar } from '../text/yamlText';

/** Model card files end with this (the model card kind's first file suffix: kinds/modelCard/files.ts). */
export const cardFileSuffix = '.modelcard.yaml';

/** Stands for the model name in the files under templates/. */
export const modelNameToken = '${name}';

const longestStem = 60;

/** Why a model name cannot be used, if it cannot. */
export type ModelNameProblem = 'empty' | 'noLetterOrDigit' | 'tooLong';

export function modelNameProblem(name: string): ModelNameProblem | undefined {
  if (name.trim() === '') return 'empty';
  if (name.length > 200) return 'tooLong';
  if (cardFileStem(name) === '') return 'noLetterOrDigit';
  return undefined;
}

/**
 * The model name in kebab case, for a file name: "Smiling Detection (v2)" → "smiling-detection-v2".
 * Accents are dropped; letters of other scripts are kept.
 */
export function cardFileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const short = stem.length <= longestStem ? stem : stem.slice(0, longestStem).replace(/-[^-]*$/, '');
  // Windows refuses these names whatever follows the first dot.
  return /^(con|prn|aux|nul|com\d|lpt\d)$/.test(short) ? `${short}-model` : short;
}

/**
 * The file name for a stem: `stem.modelcard.yaml` on the first attempt, then `stem-2.modelcard.yaml`,
 * `stem-3...`; with another kind's suffix, `stem.datasheet.yaml`, `stem-2.datasheet.yaml`...
 */
export function candidateFileName(stem: string, attempt: number, suffix = cardFileSuffix): string {
  return attempt === 1 ? `${stem}${suffix}` : `${stem}-${attempt}${suffix}`;
}

/** The first candidate file name (with `suffix`) that does not exist yet, asking `exists` one name at a time. */
export async function freeFileName(stem: string, exists: (fileName: string) => Promise<boolean>, suffix = cardFileSuffix): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const fileName = candidateFileName(stem, attempt, suffix);
    if (!(await exists(fileName))) return fileName;
  }
}

/** The template's text with the model name filled in (as a YAML scalar) and the given line ending. */
export function fillTemplate(template: string, modelName: string, eol: '\n' | '\r\n' = '\n'): string {
  const filled = template.split(modelNameToken).join(yamlScalar(modelName.trim()));
  return filled.replace(/\r?\n/g, eol);
}
