import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import type { JsonSchema } from './anyOfDispatch';

/**
 * The compiled schemas of the document kinds. Tests compile them here with ajv; the bundler
 * replaces this module with `validatorSource()`'s precompiled code for every kind of the registry
 * (see esbuild.mjs), so the server neither ships ajv's compiler nor spends time and memory
 * compiling at start.
 */

/** Keywords the schemas carry for editors (hover, completion), which ajv must accept but ignore. */
export const editorKeywords = ['markdownDescription', 'defaultSnippets', 'enumDescriptions', 'x-vocabulary', 'x-format'];

function createAjv(source: boolean): Ajv2020 {
  // verbose: errors carry the failed schema (`parentSchema`) and value (`data`) the messages use.
  // inlineRefs off: shared definitions (licence ids, language codes) appear once in the code.
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true, inlineRefs: false, code: { source } });
  ajv.addVocabulary(editorKeywords);
  return ajv;
}

/** A kind's schema as validated, and the schema files it refers to (by `$id`). */
export interface ValidatedSchema {
  schema: JsonSchema;
  references: readonly JsonSchema[];
}

/**
 * The validator of a kind's schema, compiled from `validated()`. In the bundle, the one precompiled
 * for `kindId` (the schema is then never built).
 */
export function createSchemaValidator(_kindId: string, validated: () => ValidatedSchema): ValidateFunction {
  const { schema, references } = validated();
  const ajv = createAjv(false);
  for (const reference of references) ajv.addSchema(reference);
  return ajv.compile(schema);
}

/**
 * The validators as standalone CommonJS code for the bundle: one export per kind id. They are
 * compiled together, so what a kind takes from another schema file (the licence and language
 * vocabularies, governance) is compiled once for all of them.
 */
export function validatorSource(kinds: Record<string, ValidatedSchema>): string {
  const ajv = createAjv(true);
  const exports: Record<string, string> = {};
  const added = new Set<string>();
  for (const [kindId, { schema, references }] of Object.entries(kinds)) {
    for (const each of [schema, ...references]) {
      if (typeof each.$id !== 'string') throw new Error(`A schema of the ${kindId} kind has no $id`);
      if (!added.has(each.$id)) ajv.addSchema(each);
      added.add(each.$id);
    }
    exports[kindId] = schema.$id as string;
  }
  return standaloneCode(ajv, exports);
}
