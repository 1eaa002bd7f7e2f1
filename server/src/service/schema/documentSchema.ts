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
  /** The schema as validated: each `anyOf` dispatched on the value's type, for precise errors. */
  readonly validated: JsonSchema;
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
  let validated: JsonSchema | undefined;
  let navigable: JsonSchema | undefined;
  let validator: ValidateFunction | undefined;
  const filled = () => (json ??= withVocabularies(bundleSchema(authored, sources)));
  const dispatched = () => (validated ??= dispatchAnyOfByType(filled()));
  const walked = () => (navigable ??= dereference(filled()));
  return {
    get json() {
      return filled();
    },
    get validated() {
      return dispatched();
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
