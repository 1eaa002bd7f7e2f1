import type { ErrorObject, ValidateFunction } from 'ajv';
import type { CardPath } from '../parsing/yamlNodes';
import { dispatchAnyOfByType, type JsonSchema } from './anyOfDispatch';
import { bundleSchema } from './bundleSchema';
import { dereference } from './dereference';
import { propertiesAt, requiredAt, schemaAt } from './schemaNavigator';
import { createSchemaValidator } from './schemaValidator';
import { withVocabularies } from './vocabularyTerms';

/** A document kind's schema, as the service reads it: for validation, completion, hover and inserted skeletons. */
export interface DocumentSchema {
  /** The schema as editors read it (dist/<kind>.schema.json): standing alone, each `x-vocabulary` filled in as an `enum`. */
  readonly json: JsonSchema;
  /**
   * The schema as validated: each `anyOf` dispatched on the value's type, for precise errors. Its
   * references to other schema files stay: validators share the code of what kinds share.
   */
  readonly validated: JsonSchema;
  /** The other schema files `validated` refers to, in their validated form. */
  readonly references: readonly JsonSchema[];
  /** The schema of the value at `path`, or undefined where the schema says nothing (custom `x-` keys). */
  at(path: CardPath): JsonSchema | undefined;
  /** The keys an object at `path` may have, in the schema's order, with their schemas. */
  propertiesAt(path: CardPath): [string, JsonSchema][];
  /** Names of the keys an object at `path` must have. */
  requiredAt(path: CardPath): string[];
  /** Validates plain data; each error carries its `parentSchema` and `data`. */
  errors(value: unknown): ErrorObject[];
}

/**
 * The schema of the kind `kindId` from its authored file; `sources` are the schema files it
 * refers to (the model card's, for the definitions all kinds share). Each form is built when first needed.
 */
export function documentSchema(kindId: string, authored: JsonSchema, sources: readonly JsonSchema[] = []): DocumentSchema {
  let json: JsonSchema | undefined;
  let validated: { schema: JsonSchema; references: JsonSchema[] } | undefined;
  let navigable: JsonSchema | undefined;
  let validator: ValidateFunction | undefined;
  const filled = () => (json ??= withVocabularies(bundleSchema(authored, sources)));
  const forValidation = (schema: JsonSchema) => dispatchAnyOfByType(withoutEditorText(withVocabularies(schema)), sources);
  const dispatched = () => (validated ??= { schema: forValidation(authored), references: sources.map(forValidation) });
  const walked = () => (navigable ??= dereference(filled()));
  return {
    get json() {
      return filled();
    },
    get validated() {
      return dispatched().schema;
    },
    get references() {
      return dispatched().references;
    },
    at: (path) => schemaAt(walked(), path),
    propertiesAt: (path) => propertiesAt(walked(), path),
    requiredAt: (path) => requiredAt(walked(), path),
    errors: (value) => {
      validator ??= createSchemaValidator(kindId, dispatched);
      validator(value);
      return validator.errors ?? [];
    },
  };
}

/** Keywords that only editors read (hover, completion): the validators' error messages do not need them. */
const editorText = new Set(['title', 'description', 'markdownDescription', 'enumDescriptions', 'defaultSnippets', 'examples']);
/** Keywords whose value maps names (of properties, definitions) to schemas. */
const schemaMaps = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
/** Keywords whose value is a schema, or a list of schemas. */
const subschemas = new Set(['items', 'prefixItems', 'additionalProperties', 'propertyNames', 'contains', 'not', 'if', 'then', 'else', 'anyOf', 'allOf', 'oneOf']);

/**
 * The schema without the text editors show: the precompiled validators embed the schemas their
 * errors point to (`parentSchema`), and the hover texts of every property would make them large.
 */
function withoutEditorText(schema: JsonSchema): JsonSchema {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node)
        .filter(([keyword]) => !editorText.has(keyword))
        .map(([keyword, value]) => {
          if (schemaMaps.has(keyword) && value && typeof value === 'object') return [keyword, Object.fromEntries(Object.entries(value).map(([name, each]) => [name, strip(each)]))];
          return [keyword, subschemas.has(keyword) ? strip(value) : value];
        }),
    );
  };
  return strip(schema) as JsonSchema;
}
