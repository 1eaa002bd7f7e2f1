import type { Diagnostic } from 'vscode-languageserver-types';
import { documentSummary } from '../kinds/documentSummary';
import { components } from '../kinds/systemCard/systemData';
import type { ParsedCard } from '../parsing/parsedCard';
import { resolveLink } from './linkTargets';
import { isMap, isScalar, isSeq } from 'yaml';
import { findPair, nodeAt } from '../parsing/yamlNodes';
import type { IndexedComponent, IndexedLink, IndexEntry, UnlinkedItem } from './workspaceIndex';

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
  if (card.kind.id === 'modelCard') {
    const unlinked = datasetsWithoutDatasheet(card);
    if (unlinked.length > 0) entry.unlinked = unlinked;
  }
  return entry;
}

/** The named datasets of `training_data` and `evaluation_data` with no `datasheet` (or an empty one). */
function datasetsWithoutDatasheet(card: ParsedCard): UnlinkedItem[] {
  return ['training_data', 'evaluation_data'].flatMap((listKey) => {
    const list = nodeAt(card.root, [listKey]);
    if (!isSeq(list)) return [];
    return list.items.flatMap((item): UnlinkedItem[] => {
      if (!isMap(item)) return [];
      const name = findPair(item, 'name')?.value;
      const datasheet = findPair(item, 'datasheet')?.value;
      if (!isScalar(name) || typeof name.value !== 'string' || !name.range) return [];
      if (isScalar(datasheet) && typeof datasheet.value === 'string' && datasheet.value.trim() !== '') return [];
      return [{ name: name.value, range: { start: card.document.positionAt(name.range[0]), end: card.document.positionAt(name.range[1]) } }];
    });
  });
}

function systemComponents(card: ParsedCard, links: readonly IndexedLink[]): IndexedComponent[] {
  return components(card).map(({ id, kind }) => {
    const uri = links.find((link) => link.from === id)?.uri;
    return { id, ...(kind !== undefined ? { kind } : {}), ...(uri !== undefined ? { uri } : {}) };
  });
}
