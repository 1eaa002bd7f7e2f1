import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020';
import { parse } from 'yaml';
import configSchema from '../../../schemas/modelcardrc.schema.json';
import { parseProjectConfig } from '../../../server/src/service/config/projectConfig';
import { rulesByCode } from '../../../server/src/service/diagnostics/rules';
import { severityAliases, severitySettings } from '../../../server/src/protocol';

const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
ajv.addVocabulary(['markdownDescription', 'enumDescriptions']);
const validate = ajv.compile(configSchema);

describe('schemas/modelcardrc.schema.json (the project config file)', () => {
  it('documents every property (description and markdownDescription, the hover text)', () => {
    const { rules, placeholders, ignore } = configSchema.properties;
    for (const property of [configSchema, rules, rules.additionalProperties, placeholders, ignore]) {
      assert.equal(typeof property.description, 'string');
      assert.equal(typeof property.markdownDescription, 'string');
    }
  });

  it('names every rule by code and by name, and every severity with its aliases', () => {
    const rules = [...rulesByCode.values()].flatMap((rule) => [rule.code, rule.name]);
    assert.deepEqual([...configSchema.properties.rules.propertyNames.enum].sort(), rules.sort());
    assert.deepEqual(configSchema.properties.rules.additionalProperties.enum, [...severitySettings, ...Object.keys(severityAliases)]);
  });

  it('accepts what the CLI accepts, and rejects what it reports', () => {
    const good = 'rules:\n  MC003: off\n  placeholder: warn\nplaceholders: [XXX]\nignore: [drafts]\n';
    assert.deepEqual(parseProjectConfig(good, '.modelcardrc.yaml')!.problems, []);
    assert.equal(validate(parse(good)), true);
    for (const bad of ['rulez: {}\n', 'rules:\n  MC999: off\n', 'rules:\n  MC003: loud\n', 'placeholders: TODO\n']) {
      assert.ok(parseProjectConfig(bad, '.modelcardrc.yaml')!.problems.length > 0, bad);
      assert.equal(validate(parse(bad)), false, bad);
    }
  });
});
