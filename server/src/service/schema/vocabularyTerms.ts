import { hfLicenses, namedLanguages, otherLanguageCodes, pipelineTags, spdxLicenses, type Term } from '../vocabulary/vocabularies';
import type { JsonSchema } from './anyOfDispatch';

/** The vocabularies that `x-vocabulary` names in the schemas. */
export const vocabularies: Record<string, Term[]> = {
  licenses: uniqueById([...hfLicenses, ...spdxLicenses]),
  pipelineTags,
  languages: [...namedLanguages, ...otherLanguageCodes.split(' ').map((id) => ({ id, name: '', detail: 'ISO 639-3' }))],
};

/** The schema with each `x-vocabulary` filled in as an `enum`. */
export function withVocabularies(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema), (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value) && 'x-vocabulary' in value) {
      const name = (value as JsonSchema)['x-vocabulary'] as string;
      const terms = vocabularies[name];
      if (!terms) throw new Error(`The schema names an unknown vocabulary "${name}"; the vocabularies are ${Object.keys(vocabularies).join(', ')}.`);
      return { ...value, enum: terms.map((term) => term.id) };
    }
    return value;
  }) as JsonSchema;
}

function uniqueById(terms: Term[]): Term[] {
  const seen = new Set<string>();
  return terms.filter((term) => !seen.has(term.id) && seen.add(term.id));
}
