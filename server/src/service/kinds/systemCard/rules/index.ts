import { RuleCode, type Rule } from '../../../diagnostics/ruleTypes';
import { dataFlowCycle } from './dataFlowCycle';
import { duplicateComponentId } from './duplicateComponentId';
import { missingFailureModes } from './missingFailureModes';
import { requirementMissed } from './requirementMissed';
import { unknownComponent } from './unknownComponent';

/** The system card's own rules, in code order. */
export const systemCardRules: readonly Rule[] = [duplicateComponentId, unknownComponent, dataFlowCycle, requirementMissed, missingFailureModes];

/** The rules whose missing keys "Add all missing recommended sections" inserts. */
export const systemCardSectionRules: readonly string[] = [RuleCode.MissingFailureModes];
