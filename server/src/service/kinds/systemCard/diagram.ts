import { isRecord } from '../../card/values';
import type { ParsedCard } from '../../parsing/parsedCard';
import type { FlowGraph } from '../../render/diagram/flowGraph';
import { sourceLines } from '../../render/sourceLines';
import { components, edges } from './systemData';

/**
 * The system's components and data flow as a graph: a node per component (the first of a
 * duplicated id), labelled by its name or id, and an edge per data-flow entry between two of
 * them, labelled by what flows. Edges to a component the card does not declare are left out (rule
 * MC111 reports them). Undefined when the card declares no component.
 */
export function systemFlowGraph(card: ParsedCard): FlowGraph | undefined {
  const value = isRecord(card.value) ? card.value : {};
  const lines = sourceLines(card);
  const declared = components(card).filter((component, index, all) => all.findIndex((other) => other.id === component.id) === index);
  if (declared.length === 0) return undefined;
  const ids = new Set(declared.map((component) => component.id));
  const nodes = declared.map(({ id, kind, path }) => {
    const item = (value.components as unknown[])[path[1] as number] as Record<string, unknown>;
    const label = typeof item.name === 'string' && item.name.trim() !== '' ? item.name : id;
    return { id, label, ...(kind !== undefined ? { kind } : {}), ...lineOf(lines.entryLine(path)) };
  });
  const flow = edges(card)
    .filter((edge) => ids.has(edge.from) && ids.has(edge.to))
    .map(({ from, to, path }) => {
      const data = ((value.data_flow as unknown[])[path[1] as number] as Record<string, unknown>).data;
      return { from, to, ...(typeof data === 'string' && data.trim() !== '' ? { label: data } : {}), ...lineOf(lines.entryLine(path)) };
    });
  const name = typeof value.name === 'string' && value.name.trim() !== '' ? value.name : 'the system';
  return { title: `Components and data flow of ${name}`, nodes, edges: flow };
}

function lineOf(line: number | undefined): { line?: number } {
  return line === undefined ? {} : { line };
}
