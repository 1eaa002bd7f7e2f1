import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createTwoFilesPatch } from 'diff';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ModelCardSettings } from '../../protocol';
import type { AppliedFix } from '../../service/features/fixAll';
import type { LanguageService } from '../../service/languageService';
import type { TrackerValues } from '../../service/trackers/boundValues';
import { documentKind } from '../../service/documentKind';
import type { IndexEntry } from '../../service/workspace/workspaceIndex';
import { UsageError } from '../errors';
import { readCardText, writeFileAtomic } from '../files';

/** What `lint` does with the safe fixes: nothing, write them (`--fix`), or show them as a diff (`--fix-dry-run`). */
export type FixMode = 'none' | 'fix' | 'dry-run';

/** One card to lint, as the main thread hands it to a worker. */
export interface LintTask {
  /** As the user will read it (relative to the working folder when found below it). */
  path: string;
  settings: ModelCardSettings;
  fixMode: FixMode;
  /** With `--verify`: what the card's bound runs say. */
  trackerValues?: TrackerValues;
}

/** One linted card. With a fix mode, the findings are those of the fixed text. */
export interface LintedCard {
  path: string;
  diagnostics: Diagnostic[];
  /** `governance.status`, when the card states a valid one. */
  status?: string;
  /** The fixes applied (or, in a dry run, that would be). */
  fixes: AppliedFix[];
  /** The fixes as a unified diff (`--fix-dry-run`). */
  diff?: string;
  /** Why the card could not be read or written (one line); then it has no findings. */
  error?: string;
  /** What the workspace index keeps of it (not for a README.md): the cross-file rules read it once every card is linted. */
  entry?: IndexEntry;
}

/**
 * Reads, fixes if asked and lints one card. A fixed card is written only when its text changed,
 * and never when it could not be read.
 */
export function lintCard(service: LanguageService, task: LintTask): LintedCard {
  const card: LintedCard = { path: task.path, diagnostics: [], fixes: [] };
  try {
    const text = readCardText(task.path);
    const uri = pathToFileURL(path.resolve(task.path)).href;
    let document = TextDocument.create(uri, 'modelcard', 1, text);
    if (task.fixMode !== 'none') {
      const fixed = service.fixAll(document, task.settings);
      if (fixed.text !== text) {
        if (task.fixMode === 'fix') writeFileAtomic(task.path, fixed.text);
        else card.diff = unifiedDiff(task.path, text, fixed.text);
        card.fixes = fixed.fixes;
        document = TextDocument.create(uri, 'modelcard', 2, fixed.text);
      }
    }
    card.diagnostics = service.validate(document, task.settings, task.trackerValues);
    card.status = service.summarize(document).status;
    if (documentKind(uri) === 'card') card.entry = service.indexEntry(document, task.settings);
    service.forget(uri);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    card.error = error.message;
  }
  return card;
}

/** A diff `git apply` and `patch -p1` accept: `a/` and `b/` before the path, three lines of context. */
function unifiedDiff(file: string, before: string, after: string): string {
  const name = file.split(path.sep).join('/');
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 }).replace(/^=+\n/, '');
}
