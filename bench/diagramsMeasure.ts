/**
 * Measures the diagrams in this process (run by bench/diagrams.ts with tsx): the preview's
 * rendering of a 50-component system card with and without its diagram, the diagram alone and its
 * Mermaid export; loading beautiful-mermaid with the first ```mermaid block, and drawing a small
 * and a 50-node block once it is loaded. Prints JSON.
 */
import { performance } from 'node:perf_hooks';
import { createLanguageService } from '../server/src/service/languageService';
import { parseCard } from '../server/src/service/parsing/parseCard';
import { systemCard } from '../server/src/service/kinds/systemCard';
import { flowSvg } from '../server/src/service/render/diagram/flowSvg';
import { mermaidBlock } from '../server/src/service/render/diagram/mermaidBlock';
import { systemFlowGraph } from '../server/src/service/kinds/systemCard/diagram';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateSystemCard } from './generateSystemCard';
import { percentile } from './stats';

function timed(run: () => unknown, times: number): number {
  run();
  const samples = Array.from({ length: times }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  });
  return percentile(samples, 50);
}

const text = generateSystemCard(50);
const document = TextDocument.create('file:///bench/bench.systemcard.yaml', 'modelcard', 1, text);
const card = parseCard(document, systemCard);
const graph = systemFlowGraph(card)!;
const service = createLanguageService();
let version = 1;
const render = () => service.render(TextDocument.create(document.uri, 'modelcard', ++version, text), 'developer');

const firstBlock = performance.now();
mermaidBlock('flowchart LR\n  A[Question] --> B[Answer]');
const firstBlockMs = performance.now() - firstBlock;
const nodes = Array.from({ length: 50 }, (_, index) => `  n${index}[Component ${index}] --> n${(index * 7 + 3) % 50}`);
let variant = 0;

console.log(
  JSON.stringify({
    components: graph.nodes.length,
    edges: graph.edges.length,
    renderMs: timed(render, 20),
    diagramMs: timed(() => flowSvg(systemFlowGraph(card)!), 50),
    mermaidExportMs: timed(() => service.diagramMermaid(document), 50),
    firstBlockMs,
    smallBlockMs: timed(() => mermaidBlock(`flowchart LR\n  A[Question ${variant++}] --> B[Answer]`), 10),
    bigBlockMs: timed(() => mermaidBlock(`flowchart LR\n${nodes.join('\n')}\n  n0[Variant ${variant++}]`), 3),
  }),
);
