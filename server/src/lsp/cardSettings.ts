import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import { PolicyFiles, type LoadedPolicy } from '../node/policyFiles';
import { ProjectConfigFiles } from '../node/projectConfig';
import type { LoadedFile } from '../node/upwardFiles';
import { defaultSettings, type ModelCardSettings } from '../protocol';
import { cardSettings, isIgnored, type ProjectConfig } from '../service/config/projectConfig';
import { diagnosticSource } from '../service/diagnostics/validate';
import type { Policy } from '../service/policy/policy';
import { isoDate } from '../service/text/calendar';
import type { SettingsStore } from './settingsStore';

/** The settings a card is checked with, and whether the project config leaves it alone. */
export interface CardConfig {
  settings: ModelCardSettings;
  ignored: boolean;
  /** The policy file in force, if any. */
  policyPath?: string;
}

/**
 * Settings per card, as the CLI computes them: the built-in defaults, under the project's
 * `.modelcardrc.yaml` (or package.json `modelcard` key) nearest the card, under the editor's
 * explicit settings; with the organisation policy (the `modelcard.policy` setting, else the
 * nearest `.modelcard-policy.yaml`) and today's date. Problems in a config or policy file are
 * published as diagnostics on that file.
 */
export class CardSettings {
  private readonly configFiles = new ProjectConfigFiles();
  private readonly policyFiles = new PolicyFiles();
  /** Merged settings by editor settings, then config, policy and day, so that a card's settings stay the same object (the service caches by it). */
  private readonly merged = new WeakMap<ModelCardSettings, Map<string, ModelCardSettings>>();
  private readonly mergedKeys = new WeakMap<object, number>();
  private lastKey = 0;
  /** The problems shown on each config or policy file (as text, to tell when they change), by URI. */
  private readonly shownProblems = new Map<string, string>();

  /** `watching`: the client tells us when config files change; otherwise they are looked for again when a card opens. */
  constructor(
    private readonly connection: Connection,
    private readonly editorSettings: SettingsStore,
    private readonly watching: boolean,
    private readonly workspaceFolders: () => readonly string[] = () => [],
  ) {}

  /** `editorScope`: the URI whose editor settings apply (by default the card's; the indexer asks once per workspace folder). */
  async get(uri: string, editorScope = uri): Promise<CardConfig> {
    const editor = await this.editorSettings.get(editorScope);
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    if (!file) return { settings: editor, ignored: false };
    const loaded = await this.configFiles.forCard(file);
    if (loaded) this.showProblems(loaded);
    const policy = await this.policyFor(path.dirname(file), editor.policyFile);
    if (policy) this.showProblems(policy);
    const ignored = loaded !== undefined && isIgnored(loaded.config, path.relative(path.dirname(loaded.path), file).split(path.sep).join('/'));
    return { settings: this.mergedSettings(editor, loaded?.config, policy?.policy), ignored, ...(policy ? { policyPath: policy.path } : {}) };
  }

  /** A card was opened: without file events from the client, this is when config files are looked for again. */
  cardOpened(): void {
    if (!this.watching) this.configChanged();
  }

  /** A config or policy file was created, changed or deleted. */
  configChanged(): void {
    this.configFiles.changed();
    this.policyFiles.changed();
    for (const uri of this.shownProblems.keys()) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    this.shownProblems.clear();
  }

  /** The policy for new documents in a folder (a `file:` URI), as for the cards already there. */
  async policyForFolder(folderUri: string): Promise<LoadedPolicy | undefined> {
    if (!folderUri.startsWith('file:')) return undefined;
    const editor = await this.editorSettings.get(folderUri);
    return this.policyFor(fileURLToPath(folderUri), editor.policyFile);
  }

  /** For the documents of `folder`: the `modelcard.policy` file (absolute, or relative to the workspace folder), else the nearest policy file. */
  private policyFor(folder: string, setting: string | undefined): Promise<LoadedPolicy | undefined> {
    if (!setting) return this.policyFiles.forFolder(folder);
    if (path.isAbsolute(setting)) return this.policyFiles.load(setting);
    const workspaceFolder = this.workspaceFolders().filter((candidate) => !path.relative(candidate, folder).startsWith('..')).sort((a, b) => b.length - a.length)[0];
    return this.policyFiles.load(path.resolve(workspaceFolder ?? folder, setting));
  }

  private mergedSettings(editor: ModelCardSettings, config: ProjectConfig | undefined, policy: Policy | undefined): ModelCardSettings {
    let byFiles = this.merged.get(editor);
    if (!byFiles) {
      byFiles = new Map();
      this.merged.set(editor, byFiles);
    }
    const today = isoDate(new Date());
    const key = `${this.keyOf(config)}\0${this.keyOf(policy)}\0${today}`;
    let settings = byFiles.get(key);
    if (!settings) {
      // Editors send every setting, changed or not: a placeholder list equal to the default was not chosen.
      const placeholders = sameList(editor.placeholders, defaultSettings.placeholders) ? undefined : editor.placeholders;
      settings = cardSettings(config, { rules: editor.rules, placeholders, verify: editor.verify, huggingFace: editor.huggingFace, policyFile: editor.policyFile, policy, today });
      byFiles.set(key, settings);
    }
    return settings;
  }

  /** A number for each config or policy object (0 for none): the files' cache keeps one object per file version. */
  private keyOf(value: object | undefined): number {
    if (!value) return 0;
    let key = this.mergedKeys.get(value);
    if (key === undefined) {
      key = ++this.lastKey;
      this.mergedKeys.set(value, key);
    }
    return key;
  }

  private showProblems(loaded: LoadedFile): void {
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
