import type { Rule, SummaryRule } from '../ruleTypes';
import { absoluteStorePath } from './absoluteStorePath';
import { acceptanceMismatch } from './acceptanceMismatch';
import { approvalMissing } from './approvalMissing';
import { duplicateKey } from './duplicateKey';
import { emptyValue } from './emptyValue';
import { hubExport } from './hubExport';
import { hubFrontMatter } from './hubFrontMatter';
import { hubLanguage } from './hubLanguage';
import { hubLicense } from './hubLicense';
import { hubListValue } from './hubListValue';
import { hubModelIndex } from './hubModelIndex';
import { hubPipelineTag } from './hubPipelineTag';
import { hubYaml11 } from './hubYaml11';
import { invalidConfidenceInterval } from './invalidConfidenceInterval';
import { invalidFormat } from './invalidFormat';
import { invalidValue } from './invalidValue';
import { metricOutOfRange } from './metricOutOfRange';
import { missingEthicalConsiderations } from './missingEthicalConsiderations';
import { missingIntendedUses } from './missingIntendedUses';
import { missingLimitations } from './missingLimitations';
import { missingMetrics } from './missingMetrics';
import { missingOutOfScopeUses } from './missingOutOfScopeUses';
import { missingRequiredField } from './missingRequiredField';
import { placeholder } from './placeholder';
import { publishedWithErrors } from './publishedWithErrors';
import { resultWithoutData } from './resultWithoutData';
import { tabIndentation } from './tabIndentation';
import { trackerValueMismatch } from './trackerValueMismatch';
import { undeclaredDataset } from './undeclaredDataset';
import { undeclaredSliceFactor } from './undeclaredSliceFactor';
import { undeclaredVariant } from './undeclaredVariant';
import { unknownKey } from './unknownKey';
import { unverifiableSource } from './unverifiableSource';
import { versionAsNumber } from './versionAsNumber';
import { wrongType } from './wrongType';
import { yaml11Boolean } from './yaml11Boolean';
import { yamlSyntax } from './yamlSyntax';

/** Every rule that judges the card on its own, in code order. */
export const rules: readonly Rule[] = [
  missingLimitations,
  missingMetrics,
  missingIntendedUses,
  missingOutOfScopeUses,
  missingEthicalConsiderations,
  unknownKey,
  wrongType,
  invalidValue,
  missingRequiredField,
  invalidFormat,
  resultWithoutData,
  undeclaredDataset,
  metricOutOfRange,
  invalidConfidenceInterval,
  undeclaredSliceFactor,
  acceptanceMismatch,
  undeclaredVariant,
  placeholder,
  emptyValue,
  yamlSyntax,
  duplicateKey,
  tabIndentation,
  yaml11Boolean,
  versionAsNumber,
  approvalMissing,
  absoluteStorePath,
  trackerValueMismatch,
  unverifiableSource,
  hubExport,
];

/** The Hugging Face Hub's metadata checks, for README.md files (their metadata block), in code order. */
export const readmeRules: readonly Rule[] = [hubFrontMatter, hubLicense, hubPipelineTag, hubLanguage, hubModelIndex, hubListValue, hubYaml11];

/** Rules that run after the others, on their findings. */
export const summaryRules: readonly SummaryRule[] = [publishedWithErrors];

/** Every rule, by code, in code order. */
export const rulesByCode: ReadonlyMap<string, Rule | SummaryRule> = new Map(
  [...rules, ...summaryRules, ...readmeRules].sort((a, b) => a.code.localeCompare(b.code)).map((rule) => [rule.code, rule]),
);
