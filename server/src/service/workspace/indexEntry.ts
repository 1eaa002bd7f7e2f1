import type { Diagnostic } from 'vscode-languageserver-types';
import { documentSummary } from '../kinds/documentSummary';
import { components } from '../kinds/systemCard/systemData';
import type { ParsedCard } from '../parsing/parsedCard';
import { resolveLink } from './linkTargets';
import type { IndexedComponent, IndexedLink, IndexEntry } from './workspaceIndex';

/** What the workspace index keeps of a parsed document (`diagnostics`: its own findings, counted in its summary). */
export function indexEntry(card: ParsedCard, diagnostics: readonly Diagnostic[]): IndexEntry {
  const uri = card.document.uri;
  const links = card.kind.links(card).map((link): IndexedLink => {
    const quote = card.text[link.start];
    const quoted = (quote === '"' || quote === "'") && link.end - link.start >= 2;
    const start = quoted ? link.start + 1 : link.start;
    const end = quoted ? link.end - 1 : link.end;
    const resolved = resolveLink(uri, link.target);
    return {
      target: link.target,
      ...(resolved !== undefined ? { uri: resolved } : {}),
      range: { start: card.document.positionAt(start), end: card.document.positionAt(end) },
      ...(quoted ? { quote } : {}),
      expects: link.expects,
      ...(link.from !== undefined ? { from: link.from } : {}),
    };
  });
  const entry: IndexEntry = { uri, summary: documentSummary(card, diagnostics), links };
  if (card.kind.id === 'systemCard') entry.components = systemComponents(card, links);
  return entry;
}

function systemComponents(card: ParsedCard, links: readonly IndexedLink[]): IndexedComponent[] {
  return components(card).map(({ id, kind }) => {
    const uri = links.find((link) => link.from === id)?.uri;
    return { id, ...(kind !== undefined ? { kind } : {}), ...(uri !== undefined ? { uri } : {}) };
  });
}
