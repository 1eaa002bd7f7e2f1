import { PolicyFiles } from '../node/policyFiles';
import { ProjectConfigFiles, type LoadedConfig } from '../node/projectConfig';
import { problemLines, type LoadedFile } from '../node/upwardFiles';
import type { ModelCardSettings, SeveritySetting } from '../protocol';
import { cardSettings } from '../service/config/projectConfig';
import { isoDate } from '../service/text/calendar';
import { UsageError } from './errors';

export interface SettingsOptions {
  /** `--rule`: severity overrides by rule code. */
  rules?: Record<string, SeveritySetting>;
  /** `--policy`: the policy file for every card, instead of the nearest `.modelcard-policy.yaml`. */
  policy?: string;
}

/**
 * The settings the CLI checks each card with, as the editor computes them: the built-in defaults,
 * the nearest project config, `--rule`; the organisation policy (`--policy`, else the nearest
 * `.modelcard-policy.yaml`); and today's date. Cards that share their files share one settings object.
 * A config or policy file with problems stops the command, with each problem on a line.
 */
export class CardSettingsResolver {
  private readonly configs = new ProjectConfigFiles();
  private readonly policies = new PolicyFiles();
  private readonly byFiles = new Map<string, ModelCardSettings>();
  private readonly today = isoDate(new Date());

  constructor(private readonly options: SettingsOptions = {}) {}

  async forCard(card: string): Promise<{ settings: ModelCardSettings; config?: LoadedConfig }> {
    const config = checked(await this.configs.forCard(card));
    const policy = checked(this.options.policy ? await this.policies.load(this.options.policy) : await this.policies.forCard(card));
    const key = `${config?.path ?? ''}\0${policy?.path ?? ''}`;
    let settings = this.byFiles.get(key);
    if (!settings) {
      settings = cardSettings(config?.config, { rules: this.options.rules, policy: policy?.policy, today: this.today });
      this.byFiles.set(key, settings);
    }
    return { settings, config };
  }
}

/** The file, unless it has problems: then the command stops with each problem on a line. */
export function checked<Loaded extends LoadedFile>(loaded: Loaded | undefined): Loaded | undefined {
  if (loaded && loaded.problems.length > 0) throw new UsageError(problemLines(loaded).join('\nmodelcard: '));
  return loaded;
}
