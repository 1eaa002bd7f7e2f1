import assert from 'node:assert/strict';
import { defaultSettings } from '../../../server/src/protocol';
import { cardSettings, isIgnored, parseProjectConfig } from '../../../server/src/service/config/projectConfig';

describe('project config (.modelcardrc.yaml)', () => {
  describe('parseProjectConfig', () => {
    it('reads rules by code or name (as codes), severity aliases, placeholders and ignore globs', () => {
      const text = 'rules:\n  MC003: off\n  placeholder: warn\n  unknown-key: info\nplaceholders: [XXX, Not yet]\nignore:\n  - drafts/**\n';
      assert.deepEqual(parseProjectConfig(text, '.modelcardrc.yaml'), {
        config: { rules: { MC003: 'off', MC030: 'warning', MC010: 'information' }, placeholders: ['XXX', 'Not yet'], ignore: ['drafts/**'] },
        problems: [],
      });
    });

    it('accepts an empty file and empty keys', () => {
      assert.deepEqual(parseProjectConfig('# nothing yet\n', '.modelcardrc.yaml'), { config: { rules: {}, ignore: [] }, problems: [] });
      assert.deepEqual(parseProjectConfig('rules:\nignore:\n', '.modelcardrc.yml'), { config: { rules: {}, ignore: [] }, problems: [] });
    });

    it('reports each problem at its line and column, with the closest name when there is one, and keeps the rest', () => {
      const text = 'rulez: {}\nrules:\n  MC03: off\n  MC004: loud\n  MC005: error\nplaceholders: TODO\nignore: [1]\n';
      const parsed = parseProjectConfig(text, '.modelcardrc.yaml')!;
      assert.deepEqual(parsed.problems, [
        { line: 1, column: 1, message: 'unknown key `rulez` (did you mean `rules`?): the config has rules, placeholders, ignore, disparity' },
        { line: 3, column: 3, message: '`MC03` is not a rule (did you mean `MC003`?) (`modelcard rules` lists them)' },
        { line: 4, column: 10, message: '`loud` is not a severity for MC004: use error, warning, information, hint, off (warn and info for short)' },
        { line: 6, column: 15, message: '`placeholders` must be a list of strings' },
        { line: 7, column: 10, message: 'each entry of `ignore` must be a non-empty string' },
      ]);
      assert.deepEqual(parsed.config, { rules: { MC005: 'error' }, ignore: [] });
    });

    it('reports a YAML error and a file that is not a mapping', () => {
      assert.deepEqual(parseProjectConfig('rules: [MC003\n', '.modelcardrc.yaml')!.problems.map((problem) => [problem.line, problem.message.split(':')[0]]), [[2, 'YAML error']]);
      assert.deepEqual(parseProjectConfig('- rules\n', '.modelcardrc.yaml')!.problems, [
        { line: 1, column: 1, message: 'the config must be a mapping with the keys rules, placeholders, ignore, disparity' },
      ]);
    });

    it('reads the modelcard key of package.json, with positions in package.json', () => {
      const text = '{\n  "name": "models",\n  "modelcard": {\n    "rules": { "MC003": "loud" }\n  }\n}\n';
      assert.deepEqual(parseProjectConfig(text, 'package.json')!.problems, [
        { line: 4, column: 25, message: '`loud` is not a severity for MC003: use error, warning, information, hint, off (warn and info for short)' },
      ]);
    });

    it('takes a package.json without a modelcard key for no config at all, even an unreadable one', () => {
      assert.equal(parseProjectConfig('{ "name": "x", "description": "modelcard tools" }', 'package.json'), undefined);
      assert.equal(parseProjectConfig('{ "name": ', 'package.json'), undefined);
      assert.equal(parseProjectConfig('{ "modelcard": { "rules": ', 'package.json')!.problems[0].message.startsWith('JSON error'), true);
    });
  });

  describe('cardSettings', () => {
    const config = { rules: { MC003: 'off' as const, MC030: 'error' as const }, placeholders: ['XXX'], ignore: [] };

    it('puts the config over the defaults, and the overrides (by code or name) over the config, rule by rule', () => {
      assert.deepEqual(cardSettings(config, { rules: { placeholder: 'hint', MC005: 'off' } }), {
        rules: { MC003: 'off', MC030: 'hint', MC005: 'off' },
        placeholders: ['XXX'],
        verify: defaultSettings.verify,
        huggingFace: defaultSettings.huggingFace,
      });
    });

    it('keeps the built-in placeholders when neither sets them, and lets an override replace the config’s', () => {
      assert.deepEqual(cardSettings(undefined), defaultSettings);
      assert.deepEqual(cardSettings(config, { placeholders: ['YYY'] }).placeholders, ['YYY']);
    });
  });

  describe('isIgnored', () => {
    const config = { rules: {}, ignore: ['drafts', 'legacy/**/*.modelcard.yaml', './old/'] };

    it('matches globs from the config folder; a folder glob covers what is in it', () => {
      assert.equal(isIgnored(config, 'drafts/a.modelcard.yaml'), true);
      assert.equal(isIgnored(config, 'drafts/deep/a.modelcard.yaml'), true);
      assert.equal(isIgnored(config, 'legacy/2019/a.modelcard.yaml'), true);
      assert.equal(isIgnored(config, 'old/a.modelcard.yaml'), true);
      assert.equal(isIgnored(config, 'models/drafts.modelcard.yaml'), false);
      assert.equal(isIgnored(config, 'legacy/a.modelcard.yml'), false);
    });

    it('never ignores cards outside the config folder', () => {
      assert.equal(isIgnored({ rules: {}, ignore: ['**'] }, '../a.modelcard.yaml'), false);
    });
  });
});
