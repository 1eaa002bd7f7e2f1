import { yamlScalar } from '../text/yamlText';

/** Card files end with this; the language and the schema association match on it. */
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

/** The file name for a stem: `stem.modelcard.yaml` on the first attempt, then `stem-2.modelcard.yaml`, `stem-3...` */
export function candidateFileName(stem: string, attempt: number): string {
  return attempt === 1 ? `${stem}${cardFileSuffix}` : `${stem}-${attempt}${cardFileSuffix}`;
}

/** The first candidate file name that does not exist yet, asking `exists` one name at a time. */
export async function freeFileName(stem: string, exists: (fileName: string) => Promise<boolean>): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const fileName = candidateFileName(stem, attempt);
    if (!(await exists(fileName))) return fileName;
  }
}

/** The template's text with the model name filled in (as a YAML scalar) and the given line ending. */
export function fillTemplate(template: string, modelName: string, eol: '\n' | '\r\n' = '\n'): string {
  const filled = template.split(modelNameToken).join(yamlScalar(modelName.trim()));
  return filled.replace(/\r?\n/g, eol);
}
