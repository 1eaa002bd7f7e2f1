/**
 * Everything the VS Code client and the language server say to each other beyond standard LSP:
 * settings and custom requests. Both sides import this one file.
 */

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** The `modelcard.*` settings, per resource. */
export interface ModelCardSettings {
  /** Severity overrides, keyed by rule code (`MC001`) or rule name (`missing-limitations`). */
  rules: Record<string, SeveritySetting>;
  /** Words and phrases that mark text as not written yet. */
  placeholders: string[];
}

export const defaultSettings: ModelCardSettings = {
  rules: {},
  placeholders: ['TODO', 'TBD', 'FIXME', '[More Information Needed]', 'More information needed'],
};

/** The settings section the server asks the client for. */
export const settingsSection = 'modelcard';
