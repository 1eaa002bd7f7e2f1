import { parsePolicy, type ParsedPolicy } from '../service/policy/parsePolicy';
import { policyFileNames } from '../service/policy/policy';
import { UpwardFiles, type LoadedFile } from './upwardFiles';

/** A policy file found for a card (or named by a setting or `--policy`), and what it says. */
export interface LoadedPolicy extends ParsedPolicy, LoadedFile {}

/** Finds the policy that applies to a card: the nearest `.modelcard-policy.yaml` (or `.yml`) in its folder or above, as the project config is found. */
export class PolicyFiles extends UpwardFiles<LoadedPolicy> {
  constructor() {
    super(
      policyFileNames,
      (text, file) => ({ path: file, ...parsePolicy(text) }),
      (file, reason) => ({
        path: file,
        policy: { riskLevels: {}, allowedValues: [], customFields: [], signOffRoles: {} },
        problems: [{ line: 1, column: 1, message: `cannot read the policy file: ${reason}` }],
      }),
    );
  }
}
