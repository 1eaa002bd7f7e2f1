import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { ProjectConfigFiles, type LoadedConfig } from '../node/projectConfig';
import { defaultSettings, type ModelCardSettings } from '../protocol';
import { cardSettings, isIgnored, type ProjectConfig } from '../service/config/projectConfig';
import { diagnosticSource } from '../service/diagnostics/validate';
import type { SettingsStore } from './settingsStore';

/** The settings a card is checked with, and whether the project config leaves it alone. */
export interface CardConfig {
  settings: ModelCardSettings;
  ignored: boolean;
}

/**
 * Settings per card, as the CLI computes them: the built-in defaults, under the project's
 * `.modelcardrc.yaml` (or package.json `modelcard` key) nearest the card, under the editor's
 * explicit settings. Problems in a config file are published as diagnostics on that file.
 */
export class CardSettings {
  private readonly configFiles = new ProjectConfigFiles();
  /** Merged settings by editor settings and config, so that a card's settings stay the same object (the service caches by it). */
  private readonly merged = new WeakMap<ModelCardSettings, Map<ProjectConfig | undefined, ModelCardSettings>>();
  /** The problems shown on each config file (as text, to tell when they change), by URI. */
  private readonly shownProblems = new Map<string, string>();

  /** `watching`: the client tells us when config files change; otherwise they are looked for again when a card opens. */
  constructor(
    private readonly connection: Connection,
    private readonly editorSettings: SettingsStore,
    private readonly watching: boolean,
  ) {}

  /** `editorScope`: the URI whose editor settings apply (by default the card's; the indexer asks once per workspace folder). */
  async get(uri: string, editorScope = uri): Promise<CardConfig> {
    const editor = await this.editorSettings.get(editorScope);
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    if (!file) return { settings: editor, ignored: false };
    const loaded = await this.configFiles.forCard(file);
    if (loaded) this.showProblems(loaded);
    const ignored = loaded !== undefined && isIgnored(loaded.config, path.relative(path.dirname(loaded.path), file).split(path.sep).join('/'));
    return { settings: this.mergedSettings(editor, loaded?.config), ignored };
  }

  /** A card was opened: without file events from the client, this is when config files are looked for again. */
  cardOpened(): void {
    if (!this.watching) this.configChanged();
  }

  /** A config file was created, changed or deleted. */
  configChanged(): void {
    this.configFiles.changed();
    for (const uri of this.shownProblems.keys()) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.shownProblems.clear();
  }

  private mergedSettings(editor: ModelCardSettings, config: ProjectConfig | undefined): ModelCardSettings {
    let byConfig = this.merged.get(editor);
    if (!byConfig) {
      byConfig = new Map();
      this.merged.set(editor, byConfig);
    }
    let settings = byConfig.get(config);
    if (!settings) {
      // Editors send every setting, changed or not: a placeholder list equal to the default was not chosen.
      const placeholders = sameList(editor.placeholders, defaultSettings.placeholders) ? undefined : editor.placeholders;
      settings = cardSettings(config, { rules: editor.rules, placeholders, verify: editor.verify, huggingFace: editor.huggingFace });
      byConfig.set(config, settings);
    }
    return settings;
  }

  private showProblems(loaded: LoadedConfig): void {
    const uri = pathToFileURL(loaded.path).href;
    const key = JSON.stringify(loaded.problems);
    if ((this.shownProblems.get(uri) ?? '[]') === key) return;
    this.shownProblems.set(uri, key);
    const diagnostics: Diagnostic[] = loaded.problems.map((problem) => {
      const position = { line: problem.line - 1, character: problem.column - 1 };
      return { range: { start: position, end: position }, severity: DiagnosticSeverity.Error, source: diagnosticSource, message: problem.message };
    });
    void this.connection.sendDiagnostics({ uri, diagnostics });
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
