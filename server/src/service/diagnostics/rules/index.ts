import type { Rule, SummaryRule } from '../ruleTypes';
import { absoluteStorePath } from './absoluteStorePath';
import { acceptanceMismatch } from './acceptanceMismatch';
import { approvalMissing } from './approvalMissing';
import { duplicateKey } from './duplicateKey';
import { emptyValue } from './emptyValue';
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
import { monitoringMissing } from './monitoringMissing';
import { monitoringOwner } from './monitoringOwner';
import { monitoringUnknownMetric } from './monitoringUnknownMetric';
import { placeholder } from './placeholder';
import { policyRequired } from './policyRequired';
import { policyValue } from './policyValue';
import { publishedWithErrors } from './publishedWithErrors';
import { resultWithoutData } from './resultWithoutData';
import { reviewOverdue } from './reviewOverdue';
import { signOffMissing } from './signOffMissing';
import { signOffRole } from './signOffRole';
import { signOffStale } from './signOffStale';
import { sliceDisparity } from './sliceDisparity';
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
  sliceDisparity,
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
  policyRequired,
  policyValue,
  signOffStale,
  signOffMissing,
  signOffRole,
  monitoringMissing,
  monitoringUnknownMetric,
  reviewOverdue,
  monitoringOwner,
];

/** Rules that run after the others, on their findings. */
export const summaryRules: readonly SummaryRule[] = [publishedWithErrors];

/** Every rule, by code, in code order. */
export const rulesByCode: ReadonlyMap<string, Rule | SummaryRule> = new Map(
  [...rules, ...summaryRules].sort((a, b) => a.code.localeCompare(b.code)).map((rule) => [rule.code, rule]),
);
