import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020';
import authoredSchema from '../../../schemas/modelcard.schema.json';
import { editorKeywords } from '../../../server/src/service/schema/schemaValidator';

type Schema = { [keyword: string]: unknown };

/** Every `properties` entry in the schema, with its path. */
function allProperties(schema: unknown, path = '#'): [string, Schema | boolean][] {
  if (Array.isArray(schema)) return schema.flatMap((item, index) => allProperties(item, `${path}/${index}`));
  if (!schema || typeof schema !== 'object') return [];
  const own = Object.entries(((schema as Schema).properties ?? {}) as Record<string, Schema | boolean>).map(([key, property]): [string, Schema | boolean] => [`${path}/properties/${key}`, property]);
  return [...own, ...Object.entries(schema as Schema).flatMap(([keyword, value]) => allProperties(value, `${path}/${keyword}`))];
}

describe('schemas/modelcard.schema.json', () => {
  it('compiles under ajv strict mode (2020-12), with the editor keywords declared', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
    ajv.addVocabulary(editorKeywords);
    assert.doesNotThrow(() => ajv.compile(authoredSchema));
  });

  it('gives every property a description and a markdownDescription (the hover text)', () => {
    // Conditions (`if`) name properties without defining them.
    const properties = allProperties(authoredSchema).filter(([path, property]) => typeof property === 'object' && !path.includes('/if/'));
    assert.ok(properties.length > 80, `${properties.length} properties found`);
    const undocumented = properties
      .filter(([, property]) => typeof (property as Schema).description !== 'string' || typeof (property as Schema).markdownDescription !== 'string')
      .map(([path]) => path);
    assert.deepEqual(undocumented, []);
  });

  it('describes each value of every small enum', () => {
    const enums = allProperties(authoredSchema).filter((entry): entry is [string, Schema] => typeof entry[1] === 'object' && Array.isArray(entry[1].enum) && entry[1].enum.length > 1);
    for (const [path, property] of enums) {
      assert.equal((property.enumDescriptions as string[] | undefined)?.length, (property.enum as unknown[]).length, path);
    }
  });
});
