import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileExists } from '../../node/workspaceFiles';
import { validateLinks } from '../../service/diagnostics/validateLinks';
import type { LanguageService } from '../../service/languageService';
import { documentKinds } from '../../service/kinds/registry';
import { WorkspaceIndex } from '../../service/workspace/workspaceIndex';
import { fileURLToPath } from 'node:url';
import type { LintedCard, LintTask } from './lintCard';

/**
 * Adds to each linted card the findings of its links (MC12x), against an index of the linted
 * documents and of the documents they link to beyond them (read here, with the linking card's
 * settings, only for their kind and status).
 */
export function addCrossFileFindings(service: LanguageService, tasks: readonly LintTask[], cards: readonly LintedCard[]): void {
  const index = new WorkspaceIndex();
  for (const card of cards) if (card.entry) index.set(card.entry);
  cards.forEach((card, position) => {
    for (const link of card.entry?.links ?? []) if (link.uri !== undefined && !index.has(link.uri)) indexLinkedFile(service, index, link.uri, tasks[position]);
  });
  cards.forEach((card, position) => {
    if (!card.entry) return;
    const found = validateLinks(card.entry.uri, index, tasks[position].settings, fileExists);
    if (found.length === 0) return;
    card.diagnostics = [...card.diagnostics, ...found].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  });
}

/** Indexes the document at `uri` beyond the linted ones, when there is one (by its name) and it can be read. */
function indexLinkedFile(service: LanguageService, index: WorkspaceIndex, uri: string, task: LintTask): void {
  const name = uri.toLowerCase();
  if (!uri.startsWith('file:') || !documentKinds.some((kind) => kind.fileSuffixes.some((suffix) => name.endsWith(suffix)))) return;
  let text: string;
  try {
    text = readFileSync(fileURLToPath(uri), 'utf8');
  } catch {
    return;
  }
  index.set(service.indexEntry(TextDocument.create(uri, 'modelcard', 1, text), task.settings));
  service.forget(uri);
}
