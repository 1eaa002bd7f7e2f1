import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ModelCardSettings } from '../../server/src/protocol';
import { cardUri, diagnose, diagnosticsWithCode } from './cards';

/** A card that every rule accepts: tests add or break one thing in it. */
export const completeCard = `name: ImageClassifier
version: '1.0'
intended_use:
  primary_uses: Sorting holiday photos
  out_of_scope: Medical images
metrics:
  - name: accuracy
    value: 0.92
    dataset: photos-test
evaluation_data:
  - name: photos-test
limitations: May misclassify rare images
ethical_considerations: No personal data
`;

/** A diagnostic whose message is plain text, as the rules write them. */
export type PlainDiagnostic = Diagnostic & { message: string };

/** The one diagnostic of `text` (a card, or the kind `uri` names) with `code`; fails when there is none, or more than one. */
export function onlyDiagnostic(text: string, code: string, settings: Partial<ModelCardSettings> = {}, uri = cardUri): PlainDiagnostic {
  const found = diagnosticsWithCode(text, code, settings, uri);
  assert.equal(found.length, 1, `expected one ${code}, got ${JSON.stringify(found, null, 1)}`);
  assert.equal(typeof found[0].message, 'string');
  return found[0] as PlainDiagnostic;
}

/** The schema rules' findings (MC010 to MC014) of `text`, as [code, message] pairs. */
export function schemaFindings(text: string): [string, string][] {
  return diagnose(text)
    .filter((diagnostic) => /^MC01[0-4]$/.test(String(diagnostic.code)))
    .map((diagnostic) => [String(diagnostic.code), String(diagnostic.message)]);
}

/** The same text with Windows line endings. */
export function withCrlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

interface RuleUnderTest {
  code: string;
  name: string;
  defaultSeverity: DiagnosticSeverity;
}

/**
 * The tests every rule shares, run on a card where the rule fires (a document of the kind `uri`
 * names, with `baseSettings`, e.g. a policy): its default severity, severity overrides in
 * `settings.rules` by code and by name, `off`, and CRLF line endings.
 */
export function sharedRuleTests(rule: RuleUnderTest, cardWhereItFires: string, uri = cardUri, baseSettings: Partial<ModelCardSettings> = {}): void {
  const [byCode, byName] =
    rule.defaultSeverity === DiagnosticSeverity.Error ? (['hint', 'information'] as const) : (['error', 'hint'] as const);
  const severityOf = { error: DiagnosticSeverity.Error, hint: DiagnosticSeverity.Hint, information: DiagnosticSeverity.Information };
  const findings = (settings: Partial<ModelCardSettings> = {}) => diagnose(cardWhereItFires, { ...baseSettings, ...settings }, uri);
  const ruleFindings = (settings: Partial<ModelCardSettings> = {}) => findings(settings).filter((diagnostic) => diagnostic.code === rule.code);
  const defaults = () => ruleFindings();

  describe(`${rule.code} ${rule.name}: severity settings and line endings`, () => {
    it('fires with its default severity, from the modelcard source', () => {
      assert.ok(defaults().length > 0);
      for (const diagnostic of defaults()) {
        assert.equal(diagnostic.severity, rule.defaultSeverity);
        assert.equal(diagnostic.source, 'modelcard');
      }
    });

    it(`takes its severity from settings.rules by code (${rule.code}: ${byCode})`, () => {
      const overridden = ruleFindings({ rules: { [rule.code]: byCode } });
      assert.deepEqual(overridden, defaults().map((diagnostic) => ({ ...diagnostic, severity: severityOf[byCode] })));
    });

    it(`takes its severity from settings.rules by name (${rule.name}: ${byName})`, () => {
      const overridden = ruleFindings({ rules: { [rule.name]: byName } });
      assert.deepEqual(overridden, defaults().map((diagnostic) => ({ ...diagnostic, severity: severityOf[byName] })));
    });

    it('is silenced by off, by code or by name, and the other rules still run', () => {
      // MC051 counts the other rules' errors: silencing one changes its count, so it is left out here.
      const others = (settings: Partial<ModelCardSettings> = {}) =>
        findings(settings).filter((diagnostic) => diagnostic.code !== rule.code && (rule.code === 'MC051' || diagnostic.code !== 'MC051'));
      assert.deepEqual(others({ rules: { [rule.code]: 'off' } }), others());
      assert.deepEqual(others({ rules: { [rule.name]: 'off' } }), others());
      assert.deepEqual(ruleFindings({ rules: { [rule.code]: 'off' } }), []);
    });

    it('gives the same ranges, messages and fixes with CRLF line endings', () => {
      assert.deepEqual(diagnosticsWithCode(withCrlf(cardWhereItFires), rule.code, baseSettings, uri), defaults());
    });
  });
}
