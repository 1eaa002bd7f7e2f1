import { escapeHtml } from '../escapeHtml';
import type { FlowGraph } from './flowGraph';
import { layeredLayout, type Point } from './layeredLayout';

const padding = 8;
const nodeGap = 20;
/** The space between two layers where no label needs more. */
const layerGap = 36;
/** Text is not measured (there is no DOM): widths are estimated from the number of characters. */
const labelCharWidth = 7.6;
const kindCharWidth = 6.4;
const edgeLabelCharWidth = 6.2;
const maxLabelLength = 36;

/**
 * The graph as an inline SVG figure, laid out left to right (layeredLayout.ts): a box per node
 * with its label and kind, an arrow per edge with what flows along it. Every text from the
 * document is escaped; there is no script, link or style attribute, and colours come from the
 * page's stylesheet (classes), so the picture follows the theme and the preview's CSP.
 */
export function flowSvg(graph: FlowGraph): string {
  const boxes = graph.nodes.map((node) => {
    const label = shorten(node.label);
    const width = Math.max(88, Math.ceil(Math.max(label.length * labelCharWidth, (node.kind?.length ?? 0) * kindCharWidth)) + 28);
    return { id: node.id, width, height: node.kind ? 46 : 32 };
  });
  const edgeLabels = graph.edges.map((edge) => (edge.label ? shorten(edge.label) : undefined));
  const edges = graph.edges.map((edge, index) => ({ from: edge.from, to: edge.to, labelWidth: labelWidth(edgeLabels[index]) }));
  const layout = layeredLayout({ nodes: boxes, edges, layerGap, nodeGap });
  const width = Math.ceil(layout.width + 2 * padding);
  const height = Math.ceil(layout.height + 2 * padding);
  const shift = (point: Point) => ({ x: round(point.x + padding), y: round(point.y + padding) });
  const lines = graph.edges.map((edge, index) => {
    const points = layout.edges[index]?.map(shift);
    if (!points) return '';
    const title = `${edge.from} → ${edge.to}${edge.label ? `: ${edge.label}` : ''}`;
    return `<g class="flow-edge"${lineAttribute(edge.line)}><title>${escapeHtml(title)}</title><path d="${curve(points)}" marker-end="url(#flow-arrow)"/></g>`;
  });
  // Labels go over every line, so that no line crosses one.
  const labels = graph.edges.map((_edge, index) => {
    const at = layout.labels[index];
    const label = edgeLabels[index];
    return at && label ? edgeLabel(label, shift(at)) : '';
  });
  const nodes = graph.nodes.map((node) => {
    const box = layout.nodes.get(node.id)!;
    return nodeSvg(node.label, node.kind, node.line, { ...shift(box), width: box.width, height: box.height });
  });
  const title = escapeHtml(graph.title);
  return (
    `<figure class="flow-diagram"><svg role="img" aria-label="${title}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<title>${title}</title><defs><marker id="flow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
    `<path class="flow-arrowhead" d="M0,0 L10,5 L0,10 z"/></marker></defs>${lines.join('')}${labels.join('')}${nodes.join('')}</svg></figure>`
  );
}

function nodeSvg(label: string, kind: string | undefined, line: number | undefined, box: { x: number; y: number; width: number; height: number }): string {
  const centre = round(box.x + box.width / 2);
  const kindClass = kind ? ` kind-${kind.replace(/[^\w-]/g, '_')}` : '';
  const title = kind ? `${label} (${kind.replace(/_/g, ' ')})` : label;
  const labelY = round(box.y + (kind ? 19 : box.height / 2 + 5));
  const kindText = kind ? `<text class="flow-kind" x="${centre}" y="${round(box.y + 36)}" text-anchor="middle">${escapeHtml(kind.replace(/_/g, ' '))}</text>` : '';
  return (
    `<g class="flow-node${kindClass}"${lineAttribute(line)}><title>${escapeHtml(title)}</title>` +
    `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="${kind === 'model' ? 14 : 4}"/>` +
    `<text class="flow-label" x="${centre}" y="${labelY}" text-anchor="middle">${escapeHtml(shorten(label))}</text>${kindText}</g>`
  );
}

function labelWidth(text: string | undefined): number | undefined {
  return text === undefined ? undefined : round(text.length * edgeLabelCharWidth + 8);
}

function edgeLabel(text: string, at: Point): string {
  const width = labelWidth(text)!;
  return (
    `<g class="flow-edge-label"><rect x="${round(at.x - width / 2)}" y="${round(at.y - 8)}" width="${width}" height="16" rx="3"/>` +
    `<text x="${at.x}" y="${round(at.y + 4)}" text-anchor="middle">${escapeHtml(text)}</text></g>`
  );
}

/** A smooth path through the points: each stretch a curve that leaves and arrives horizontally. */
function curve(points: Point[]): string {
  const stretches = points.slice(1).map((to, index) => {
    const from = points[index];
    const bend = round((to.x - from.x) / 2);
    return `C${round(from.x + bend)},${from.y} ${round(to.x - bend)},${to.y} ${to.x},${to.y}`;
  });
  return `M${points[0].x},${points[0].y} ${stretches.join(' ')}`;
}

function lineAttribute(line: number | undefined): string {
  return line === undefined ? '' : ` data-line="${line}"`;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > maxLabelLength ? `${oneLine.slice(0, maxLabelLength - 1)}…` : oneLine;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
