import type { Connection } from 'vscode-languageserver';
import { defaultSettings, settingsSection, toSeveritySetting, verifyOnSaveValues, type ModelCardSettings, type VerifyOnSave } from '../protocol';

/**
 * Settings per document: asked of the client through `workspace/configuration` when it supports
 * that (VS Code), otherwise taken from `initializationOptions` and `didChangeConfiguration`.
 */
export class SettingsStore {
  private readonly byUri = new Map<string, Promise<ModelCardSettings>>();
  private pushed: ModelCardSettings;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: boolean,
    initial: unknown,
  ) {
    this.pushed = mergeSettings(initial);
  }

  get(uri: string): Promise<ModelCardSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let settings = this.byUri.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: settingsSection })
        .then(mergeSettings, () => defaultSettings);
      this.byUri.set(uri, settings);
    }
    return settings;
  }

  /** Called on `workspace/didChangeConfiguration`; `pushedSettings` is what push-style clients send. */
  changed(pushedSettings: unknown): void {
    this.byUri.clear();
    const section = (pushedSettings as Record<string, unknown> | null)?.[settingsSection];
    if (section !== undefined) this.pushed = mergeSettings(section);
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}

/** Client settings over the defaults; anything malformed falls back to the default. */
export function mergeSettings(value: unknown): ModelCardSettings {
  // `policy` is the `modelcard.policy` setting (a file path); the settings carry it as `policyFile`.
  const given = (value ?? {}) as Partial<Record<keyof ModelCardSettings | 'policy', unknown>>;
  return {
    rules: isPlainObject(given.rules) ? knownSeverities(given.rules as Record<string, unknown>) : defaultSettings.rules,
    placeholders: Array.isArray(given.placeholders) ? given.placeholders.filter((word): word is string => typeof word === 'string') : defaultSettings.placeholders,
    verify: { onSave: verifyOnSave(given.verify) },
    huggingFace: { validateReadme: isPlainObject(given.huggingFace) && (given.huggingFace as { validateReadme?: unknown }).validateReadme === true },
    ...(typeof given.policy === 'string' && given.policy.trim() !== '' ? { policyFile: given.policy.trim() } : {}),
  };
}

function verifyOnSave(verify: unknown): VerifyOnSave {
  const value = isPlainObject(verify) ? (verify as { onSave?: unknown }).onSave : undefined;
  return verifyOnSaveValues.includes(value as VerifyOnSave) ? (value as VerifyOnSave) : defaultSettings.verify.onSave;
}

/** The overrides whose severity is one we know (or an alias of one): a typo such as "eror" is dropped, so the rule keeps its default. */
function knownSeverities(rules: Record<string, unknown>): ModelCardSettings['rules'] {
  const known = Object.entries(rules).flatMap(([rule, value]) => {
    const severity = toSeveritySetting(value);
    return severity ? [[rule, severity] as const] : [];
  });
  return Object.fromEntries(known);
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
