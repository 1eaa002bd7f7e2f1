import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020';
import datasheetSchema from '../../../schemas/datasheet.schema.json';
import modelCardSchema from '../../../schemas/modelcard.schema.json';
import systemCardSchema from '../../../schemas/systemcard.schema.json';
import { documentKinds } from '../../../server/src/service/kinds/registry';
import { editorKeywords } from '../../../server/src/service/schema/schemaValidator';

type Schema = { [keyword: string]: unknown };

/** Every `properties` entry in the schema, with its path. */
function allProperties(schema: unknown, path = '#'): [string, Schema | boolean][] {
  if (Array.isArray(schema)) return schema.flatMap((item, index) => allProperties(item, `${path}/${index}`));
  if (!schema || typeof schema !== 'object') return [];
  const own = Object.entries(((schema as Schema).properties ?? {}) as Record<string, Schema | boolean>).map(([key, property]): [string, Schema | boolean] => [`${path}/properties/${key}`, property]);
  return [...own, ...Object.entries(schema as Schema).flatMap(([keyword, value]) => allProperties(value, `${path}/${keyword}`))];
}

/** Every `$ref` in the schema. */
function allRefs(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(allRefs);
  if (!schema || typeof schema !== 'object') return [];
  return Object.entries(schema as Schema).flatMap(([keyword, value]) => (keyword === '$ref' && typeof value === 'string' ? [value] : allRefs(value)));
}

function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
  ajv.addVocabulary(editorKeywords);
  return ajv;
}

const authoredSchemas: [string, Schema][] = [
  ['schemas/datasheet.schema.json', datasheetSchema as Schema],
  ['schemas/systemcard.schema.json', systemCardSchema as Schema],
];

for (const [file, authored] of authoredSchemas) {
  describe(file, () => {
    it('compiles under ajv strict mode (2020-12), its references to the model card schema resolved by $id', () => {
      const ajv = strictAjv();
      ajv.addSchema(modelCardSchema);
      assert.doesNotThrow(() => ajv.compile(authored));
    });

    it('gives every property a description and a markdownDescription (the hover text)', () => {
      const properties = allProperties(authored).filter(([path, property]) => typeof property === 'object' && !path.includes('/if/') && !path.includes('/then/'));
      assert.ok(properties.length > 40, `${properties.length} properties found`);
      const undocumented = properties
        .filter(([, property]) => typeof (property as Schema).description !== 'string' || typeof (property as Schema).markdownDescription !== 'string')
        .map(([path]) => path);
      assert.deepEqual(undocumented, []);
    });

    it('describes each value of every small enum, in its own definitions too', () => {
      const enums = [...allProperties(authored), ...Object.entries((authored.$defs ?? {}) as Record<string, Schema>).map(([name, definition]): [string, Schema] => [`#/$defs/${name}`, definition])]
        .filter((entry): entry is [string, Schema] => typeof entry[1] === 'object' && Array.isArray(entry[1].enum) && entry[1].enum.length > 1);
      assert.ok(enums.length >= 3);
      for (const [path, property] of enums) {
        assert.equal((property.enumDescriptions as string[] | undefined)?.length, (property.enum as unknown[]).length, path);
      }
    });
  });
}

describe("the kinds' schemas as the service and editors read them", () => {
  for (const kind of documentKinds) {
    it(`${kind.id}: stands alone (every $ref local) and compiles under ajv strict mode without the other schema files`, () => {
      const refs = allRefs(kind.schema.json);
      assert.deepEqual(refs.filter((ref) => !ref.startsWith('#/$defs/')), []);
      assert.doesNotThrow(() => strictAjv().compile(kind.schema.json));
    });
  }

  it('validate as their standalone forms do: the precompiled validators keep the references the standalone schemas copy in', () => {
    const samples: Record<string, unknown[]> = {
      datasheet: [
        { name: 'faces', language: ['en', 'fr'], license: 'cc-by-4.0', governance: { status: 'approved', reviews: [{ reviewer: 'Ana', decision: 'approved' }] } },
        { name: 'faces', language: ['en', 'xx-not-a-language'], license: ['mit', 42], governance: { status: 'done' }, composition: { size: { value: 2, unit: '' } } },
        { name: '', size_categories: 'n<1K', personal_data: { present: 'yes', sensitive_categories: ['health', 'health'] } },
      ],
      systemCard: [
        { name: 's', components: [{ id: 'a', kind: 'model' }], requirements: { latency_p95: { target: 1, measured: 2, unit: 'ms' } } },
        { name: 's', components: [{ id: 'a', kind: 'robot' }], requirements: { latency: { target: 1 } }, monitoring: [{ signal: 'x', alert_owner: { role: 'sre' } }] },
      ],
    };
    for (const [id, values] of Object.entries(samples)) {
      const kind = documentKinds.find((candidate) => candidate.id === id)!;
      const standalone = strictAjv().compile(kind.schema.json);
      for (const value of values) assert.equal(kind.schema.errors(value).length === 0, standalone(value), `${id}: ${JSON.stringify(value)}`);
    }
  });

  it('share the governance block with the model card: the same keys, statuses and review decisions', () => {
    const governanceOf = (id: string) => documentKinds.find((kind) => kind.id === id)!.schema.at(['governance'])!;
    const modelCardGovernance = governanceOf('modelCard');
    for (const kind of documentKinds) {
      const governance = governanceOf(kind.id);
      assert.deepEqual(Object.keys(governance.properties as Schema), Object.keys(modelCardGovernance.properties as Schema), kind.id);
      assert.deepEqual(kind.schema.at(['governance', 'status'])!.enum, ['draft', 'in_review', 'approved', 'published', 'archived'], kind.id);
      assert.deepEqual(kind.schema.at(['governance', 'reviews', 0, 'decision'])!.enum, ['approved', 'changes_requested', 'rejected'], kind.id);
    }
  });
});
