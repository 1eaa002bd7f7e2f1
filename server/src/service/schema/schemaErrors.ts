import type { ErrorObject, ValidateFunction } from 'ajv';
import { createSchemaValidator } from './schemaValidator';

let validator: ValidateFunction | undefined;

/** Validates plain card data against the schema; each error carries its `parentSchema` and `data`. */
export function schemaErrors(value: unknown): ErrorObject[] {
  validator ??= createSchemaValidator();
  validator(value);
  return validator.errors ?? [];
}
