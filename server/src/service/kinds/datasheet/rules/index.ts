import { RuleCode, type Rule } from '../../../diagnostics/ruleTypes';
import { missingDatasetLicense } from './missingDatasetLicense';
import { missingDatasheetSection } from './missingDatasheetSection';
import { missingMaintenanceContact } from './missingMaintenanceContact';
import { unprotectedPersonalData } from './unprotectedPersonalData';

/** The datasheet's own rules, in code order. */
export const datasheetRules: readonly Rule[] = [missingDatasheetSection, unprotectedPersonalData, missingDatasetLicense, missingMaintenanceContact];

/** The rules whose missing keys "Add all missing recommended sections" inserts. */
export const datasheetSectionRules: readonly string[] = [RuleCode.MissingDatasheetSection, RuleCode.MissingMaintenanceContact];
