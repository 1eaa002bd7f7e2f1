import authoredSchema from '../../../../schemas/modelcard.schema.json';
import { hfLicenses, namedLanguages, otherLanguageCodes, pipelineTags, spdxLicenses, type Term } from '../vocabulary/vocabularies';
import { dispatchAnyOfByType, type JsonSchema } from './anyOfDispatch';

/** The vocabularies that `x-vocabulary` names in the schema. */
export const vocabularies: Record<string, Term[]> = {
  licenses: uniqueById([...hfLicenses, ...spdxLicenses]),
  pipelineTags,
  languages: [...namedLanguages, ...otherLanguageCodes.split(' ').map((id) => ({ id, name: '', detail: 'ISO 639-3' }))],
};

/** The authored schema with each `x-vocabulary` filled in as an `enum`. */
export const cardSchema: JsonSchema = withVocabularies(authoredSchema as JsonSchema);

/** The schema as validated: each `anyOf` dispatched on the value's type, for precise errors. */
export const validatedSchema: JsonSchema = dispatchAnyOfByType(cardSchema);

function withVocabularies(schema: JsonSchema): JsonSchema {
  return JSON.parse(JSON.stringify(schema), (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value) && 'x-vocabulary' in value) {
      const terms = vocabularies[(value as JsonSchema)['x-vocabulary'] as string];
      return { ...value, enum: terms.map((term) => term.id) };
    }
    return value;
  }) as JsonSchema;
}

function uniqueById(terms: Term[]): Term[] {
  const seen = new Set<string>();
  return terms.filter((term) => !seen.has(term.id) && seen.add(term.id));
}
