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

/**
 * The validator of a kind's schema, compiled from `schema()`. In the bundle, the one precompiled
 * for `kindId` (the schema is then never built).
 */
export function createSchemaValidator(_kindId: string, schema: () => JsonSchema): ValidateFunction {
  return createAjv(false).compile(schema());
}

/** The validators as standalone CommonJS code for the bundle: one export per kind id. */
export function validatorSource(schemasByKind: Record<string, JsonSchema>): string {
  const ajv = createAjv(true);
  const exports: Record<string, string> = {};
  for (const [kindId, schema] of Object.entries(schemasByKind)) {
    if (typeof schema.$id !== 'string') throw new Error(`The ${kindId} schema has no $id`);
    ajv.addSchema(schema);
    exports[kindId] = schema.$id;
  }
  return standaloneCode(ajv, exports);
}
