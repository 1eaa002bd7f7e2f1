import type { FlowGraph } from './flowGraph';

/**
 * The graph as Mermaid flowchart source (which GitHub, GitLab and the Hugging Face Hub draw in
 * Markdown), left to right, a shape per kind of node. Node ids are the graph's own where Mermaid
 * reads them as ids; labels are quoted, with the characters Mermaid would read (quotes, `#`,
 * angle brackets, pipes) as entity codes, so that no text from the document becomes syntax, a
 * directive (`click`, `style`) or HTML.
 */
export function mermaidFlowchart(graph: FlowGraph): string {
  const ids = mermaidIds(graph.nodes.map((node) => node.id));
  const nodes = graph.nodes.map((node) => {
    const [open, close] = shapes[node.kind ?? ''] ?? defaultShape;
    return `  ${ids.get(node.id)}${open}"${mermaidText(node.label)}"${close}`;
  });
  const edges = graph.edges
    .filter((edge) => ids.has(edge.from) && ids.has(edge.to))
    .map((edge) => `  ${ids.get(edge.from)} -->${edge.label ? `|"${mermaidText(edge.label)}"|` : ''} ${ids.get(edge.to)}`);
  return ['flowchart LR', ...nodes, ...edges].join('\n') + '\n';
}

/** The opening and closing of a node's shape, by its kind. */
const shapes: Record<string, [string, string]> = {
  model: ['(', ')'],
  retriever: ['[/', '/]'],
  index: ['[(', ')]'],
  prompt: ['>', ']'],
  tool: ['[[', ']]'],
  agent: ['{{', '}}'],
  service: ['[', ']'],
  human_review: ['[/', '\\]'],
};
const defaultShape: [string, string] = ['[', ']'];

/** Words a flowchart reads as keywords, not as node ids. */
const keywords = new Set(['end', 'graph', 'flowchart', 'subgraph', 'direction', 'click', 'call', 'href', 'style', 'class', 'classdef', 'linkstyle', 'default']);

/** A Mermaid id for each id: letters, digits and underscores, not a keyword, distinct. */
function mermaidIds(ids: readonly string[]): Map<string, string> {
  const result = new Map<string, string>();
  const taken = new Set<string>();
  for (const id of ids) {
    let base = id.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z]/.test(base)) base = `n_${base}`;
    if (keywords.has(base.toLowerCase())) base = `${base}_`;
    let candidate = base;
    for (let suffix = 2; taken.has(candidate); suffix++) candidate = `${base}_${suffix}`;
    taken.add(candidate);
    result.set(id, candidate);
  }
  return result;
}

/** Text inside a quoted Mermaid label: on one line, with entity codes for what Mermaid would read. */
export function mermaidText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[#"<>|&`]/g, (char) => `#${char.charCodeAt(0)};`);
}
