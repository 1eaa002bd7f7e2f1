import { documentKinds } from '../../kinds/registry';
import type { CrossFileRule, Rule, SummaryRule } from '../ruleTypes';
import { brokenLink } from './brokenLink';
import { componentNotApproved } from './componentNotApproved';
import { datasetWithoutDatasheet } from './datasetWithoutDatasheet';
import { linkToWrongKind } from './linkToWrongKind';
import { approvalMissing } from './approvalMissing';
import { duplicateKey } from './duplicateKey';
import { emptyValue } from './emptyValue';
import { hubFrontMatter } from './hubFrontMatter';
import { hubLanguage } from './hubLanguage';
import { hubLicense } from './hubLicense';
import { hubListValue } from './hubListValue';
import { hubModelIndex } from './hubModelIndex';
import { hubPipelineTag } from './hubPipelineTag';
import { hubYaml11 } from './hubYaml11';
import { invalidFormat } from './invalidFormat';
import { invalidValue } from './invalidValue';
import { missingRequiredField } from './missingRequiredField';
import { placeholder } from './placeholder';
import { publishedWithErrors } from './publishedWithErrors';
import { signOffRole } from './signOffRole';
import { signOffStale } from './signOffStale';
import { tabIndentation } from './tabIndentation';
import { unknownKey } from './unknownKey';
import { versionAsNumber } from './versionAsNumber';
import { wrongType } from './wrongType';
import { yaml11Boolean } from './yaml11Boolean';
import { yamlSyntax } from './yamlSyntax';

/**
 * The rules every kind of document is checked by, in code order: the YAML and schema rules (on
 * the kind's schema) and the governance rules on the `governance` block every kind shares (the
 * approval, the sign-offs' digests and roles). Each kind adds its own (DocumentKind.rules).
 */
export const sharedRules: readonly Rule[] = [
  unknownKey,
  wrongType,
  invalidValue,
  missingRequiredField,
  invalidFormat,
  placeholder,
  emptyValue,
  yamlSyntax,
  duplicateKey,
  tabIndentation,
  yaml11Boolean,
  versionAsNumber,
  approvalMissing,
  signOffStale,
  signOffRole,
];

/** The Hugging Face Hub's metadata checks, for README.md files (their metadata block), in code order. */
export const readmeRules: readonly Rule[] = [hubFrontMatter, hubLicense, hubPipelineTag, hubLanguage, hubModelIndex, hubListValue, hubYaml11];

/** Rules that run after the others, on their findings (on every kind). */
export const summaryRules: readonly SummaryRule[] = [publishedWithErrors];

/** The rules that check a document's links against the workspace's other documents, in code order. */
export const crossFileRules: readonly CrossFileRule[] = [brokenLink, linkToWrongKind, componentNotApproved, datasetWithoutDatasheet];

/** Every rule that judges a document on its own, of every kind, in code order. */
export const rules: readonly Rule[] = [...new Set([...sharedRules, ...documentKinds.flatMap((kind) => kind.rules)])].sort(byCode);

/** Every rule, by code, in code order. */
export const rulesByCode: ReadonlyMap<string, Rule | SummaryRule | CrossFileRule> = new Map([...rules, ...summaryRules, ...readmeRules, ...crossFileRules].sort(byCode).map((rule) => [rule.code, rule]));

export function byCode(a: { code: string }, b: { code: string }): number {
  return a.code.localeCompare(b.code);
}
