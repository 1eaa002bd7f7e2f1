import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import { validatedSchema } from './cardSchema';

/**
 * The compiled card schema. Tests compile it here with ajv; the bundler replaces this module with
 * `validatorSource()`'s precompiled code (see esbuild.mjs), so the server neither ships ajv's
 * compiler nor spends time and memory compiling at start.
 */

/** Keywords the schema carries for editors (hover, completion), which ajv must accept but ignore. */
export const editorKeywords = ['markdownDescription', 'defaultSnippets', 'enumDescriptions', 'x-vocabulary', 'x-format'];

function compile(source: boolean): { ajv: Ajv2020; validate: ValidateFunction } {
  // verbose: errors carry the failed schema (`parentSchema`) and value (`data`) the messages use.
  // inlineRefs off: shared definitions (licence ids, language codes) appear once in the code.
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, verbose: true, inlineRefs: false, code: { source } });
  ajv.addVocabulary(editorKeywords);
  return { ajv, validate: ajv.compile(validatedSchema) };
}

export function createSchemaValidator(): ValidateFunction {
  return compile(false).validate;
}

/** The validator as standalone CommonJS code, for the bundle. */
export function validatorSource(): string {
  const { ajv, validate } = compile(true);
  return standaloneCode(ajv, validate);
}
