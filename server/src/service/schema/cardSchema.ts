import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import authoredSchema from '../../../../schemas/modelcard.schema.json';
import { hfLicenses, namedLanguages, otherLanguageCodes, pipelineTags, spdxLicenses, type Term } from '../vocabulary/vocabularies';
import { dispatchAnyOfByType, type JsonSchema } from './anyOfDispatch';

/** The vocabularies that `x-vocabulary` names in the schema. */
export const vocabularies: Record<string, Term[]> = {
  licenses: uniqueById([...hfLicenses, ...spdxLicenses]),
  pipelineTags,
  languages: [...namedLanguages, ...otherLanguageCodes.split(' ').map((id) => ({ id, name: '', detail: 'ISO 639-3' }))],
};

/** Keywords the schema carries for editors (hover, completion), which ajv must accept but ignore. */
const editorKeywords = ['markdownDescription', 'defaultSnippets', 'enumDescriptions', 'x-vocabulary'];

/** The authored schema with each `x-vocabulary` filled in as an `enum`. */
export const cardSchema: JsonSchema = withVocabularies(authoredSchema as JsonSchema);

let compiled: ValidateFunction | undefined;

/** Validates plain card data against the schema; compiles the validator on first use. */
export function schemaErrors(value: unknown): ErrorObject[] {
  compiled ??= compileValidator();
  compiled(value);
  return compiled.errors ?? [];
}

function compileValidator(): ValidateFunction {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true });
  ajv.addVocabulary(editorKeywords);
  return ajv.compile(dispatchAnyOfByType(cardSchema));
}

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
