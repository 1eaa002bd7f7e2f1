import { absoluteStorePath } from '../../diagnostics/rules/absoluteStorePath';
import { acceptanceMismatch } from '../../diagnostics/rules/acceptanceMismatch';
import { hubExport } from '../../diagnostics/rules/hubExport';
import { invalidConfidenceInterval } from '../../diagnostics/rules/invalidConfidenceInterval';
import { metricOutOfRange } from '../../diagnostics/rules/metricOutOfRange';
import { missingEthicalConsiderations } from '../../diagnostics/rules/missingEthicalConsiderations';
import { missingIntendedUses } from '../../diagnostics/rules/missingIntendedUses';
import { missingLimitations } from '../../diagnostics/rules/missingLimitations';
import { missingMetrics } from '../../diagnostics/rules/missingMetrics';
import { missingOutOfScopeUses } from '../../diagnostics/rules/missingOutOfScopeUses';
import { monitoringMissing } from '../../diagnostics/rules/monitoringMissing';
import { monitoringOwner } from '../../diagnostics/rules/monitoringOwner';
import { monitoringUnknownMetric } from '../../diagnostics/rules/monitoringUnknownMetric';
import { policyRequired } from '../../diagnostics/rules/policyRequired';
import { policyValue } from '../../diagnostics/rules/policyValue';
import { resultWithoutData } from '../../diagnostics/rules/resultWithoutData';
import { reviewOverdue } from '../../diagnostics/rules/reviewOverdue';
import { signOffMissing } from '../../diagnostics/rules/signOffMissing';
import { sliceDisparity } from '../../diagnostics/rules/sliceDisparity';
import { trackerValueMismatch } from '../../diagnostics/rules/trackerValueMismatch';
import { undeclaredDataset } from '../../diagnostics/rules/undeclaredDataset';
import { undeclaredSliceFactor } from '../../diagnostics/rules/undeclaredSliceFactor';
import { undeclaredVariant } from '../../diagnostics/rules/undeclaredVariant';
import { unverifiableSource } from '../../diagnostics/rules/unverifiableSource';
import { RuleCode, type Rule } from '../../diagnostics/ruleTypes';

/**
 * The model card's own rules, in code order (they live in diagnostics/rules/, beside the shared ones
 * they came with). The organisation policy's rules are here: its required fields, allowed values and
 * required sign-offs name model card fields and sections.
 */
export const modelCardRules: readonly Rule[] = [
  missingLimitations,
  missingMetrics,
  missingIntendedUses,
  missingOutOfScopeUses,
  missingEthicalConsiderations,
  resultWithoutData,
  undeclaredDataset,
  metricOutOfRange,
  invalidConfidenceInterval,
  undeclaredSliceFactor,
  acceptanceMismatch,
  undeclaredVariant,
  sliceDisparity,
  absoluteStorePath,
  trackerValueMismatch,
  unverifiableSource,
  hubExport,
  policyRequired,
  policyValue,
  signOffMissing,
  monitoringMissing,
  monitoringUnknownMetric,
  reviewOverdue,
  monitoringOwner,
];

/** The rules whose missing keys "Add all missing recommended sections" inserts (with MC020's `evaluation_data`, a section). */
export const modelCardSectionRules: readonly string[] = [
  RuleCode.MissingLimitations,
  RuleCode.MissingMetrics,
  RuleCode.MissingIntendedUses,
  RuleCode.MissingOutOfScopeUses,
  RuleCode.MissingEthicalConsiderations,
];
