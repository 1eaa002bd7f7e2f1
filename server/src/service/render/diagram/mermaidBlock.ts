import { escapeHtml } from '../escapeHtml';

type MermaidLibrary = typeof import('./mermaidLibrary');

let library: MermaidLibrary | undefined;
/** beautiful-mermaid and ELK (about 2 MB) are loaded on the first block, not when the server or the CLI starts. */
function mermaidLibrary(): MermaidLibrary {
  // A synchronous require: the page is rendered in one synchronous pass.
  library ??= require('./mermaidLibrary') as MermaidLibrary;
  return library;
}

/** Drawn blocks by their source: the preview renders the page again on every edit, and laying out a diagram takes milliseconds to seconds. */
const drawn = new Map<string, MermaidBlock>();
const remembered = 64;

export type MermaidBlock = { svg: string } | { problem: string };

/**
 * A ```mermaid block of a Markdown text field drawn as SVG, or why it cannot be. The SVG is kept
 * only if it is made of the drawing elements and attributes listed below (anything else, such as
 * a link, a script, an event handler, a style sheet or a reference to another document, rejects
 * it): the text of the diagram is the user's, and the renderer is not ours. Its colours come from
 * the page's stylesheet, through the variables the SVG refers to.
 */
export function mermaidBlock(source: string): MermaidBlock {
  let block = drawn.get(source);
  if (!block) {
    block = draw(source);
    if (drawn.size >= remembered) drawn.delete(drawn.keys().next().value!);
  } else {
    drawn.delete(source);
  }
  drawn.set(source, block);
  return block;
}

function draw(source: string): MermaidBlock {
  let svg: string;
  try {
    svg = mermaidLibrary().renderMermaidSVG(source, { transparent: true });
  } catch (error) {
    return { problem: (error instanceof Error ? error.message.split('\n')[0] : String(error)).replace(/\.+$/, '') };
  }
  // Its style sheet imports a web font and sets colours the page's stylesheet sets instead; the root's style attribute too.
  const withoutStyles = svg.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/^(<svg\b[^>]*?)\sstyle="[^"]*"/, '$1');
  const unsafe = unsafePart(withoutStyles);
  return unsafe ? { problem: `the drawing has ${unsafe}, which the preview does not show` } : { svg: withoutStyles.trim() };
}

const elements = new Set(['svg', 'g', 'defs', 'marker', 'polygon', 'polyline', 'path', 'rect', 'circle', 'ellipse', 'line', 'text', 'tspan', 'title', 'desc']);
const attributes = new Set([
  'viewBox', 'width', 'height', 'class', 'id', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'dx', 'dy', 'd', 'points',
  'fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linejoin', 'stroke-linecap', 'opacity', 'fill-opacity', 'stroke-opacity',
  'text-anchor', 'dominant-baseline', 'font-size', 'font-weight', 'font-style', 'font-family', 'transform',
  'marker-start', 'marker-end', 'markerWidth', 'markerHeight', 'markerUnits', 'refX', 'refY', 'orient',
]);
/** Values of drawing attributes: numbers, words, colours, lists of them, a local `url(#id)`, a `var(--name)`, colour and transform functions of numbers. */
const safeValue = /^(?:[\w\s#.,%+-]|url\(#[\w-]+\)|var\(--[\w-]+\)|(?:rgba?|hsla?|translate|rotate|scale|matrix)\([\d\s.,%+-]*\))*$/;

/** The first element, attribute or value outside the lists, in words; undefined when there is none. */
function unsafePart(svg: string): string | undefined {
  const tag = /<(\/?)([^\s>/]+)([^>]*)>/g;
  let end = 0;
  for (let match = tag.exec(svg); match; match = tag.exec(svg)) {
    if (svg.slice(end, match.index).includes('<')) return 'markup it does not declare';
    end = match.index + match[0].length;
    const [, closing, name, rest] = match;
    if (!elements.has(name)) return `a <${name}> element`;
    if (closing) continue;
    const remainder = rest.replace(/\s([\w:-]+)="([^"]*)"/g, (_, attribute: string, value: string) => {
      if (attribute.startsWith('data-') && /^data-[\w-]+$/.test(attribute)) return '';
      if (attribute === 'xmlns') return value === 'http://www.w3.org/2000/svg' ? '' : `\u0000${attribute}`;
      return attributes.has(attribute) && safeValue.test(value) ? '' : `\u0000${attribute}`;
    });
    const refused = /\u0000([\w:-]+)/.exec(remainder);
    if (refused) return `a ${refused[1]} attribute`;
    if (remainder.replace(/\/$/, '').trim() !== '') return 'an attribute it does not declare';
  }
  return svg.slice(end).includes('<') ? 'markup it does not declare' : undefined;
}

/** A drawn block as a figure (stamped with its card line, when known, for scroll sync), or its source as code with the reason it is not drawn. */
export function mermaidFigure(block: MermaidBlock, source: string, line: string | undefined): string {
  const stamp = (classes: string) => (line === undefined ? (classes ? ` class="${classes}"` : '') : ` class="${`${classes} code-line`.trim()}" data-line="${escapeHtml(line)}"`);
  if ('svg' in block) return `<figure${stamp('mermaid-diagram')}>${block.svg}</figure>`;
  return `<pre${stamp('')}><code class="language-mermaid">${escapeHtml(source)}</code></pre><p class="mermaid-problem">This Mermaid diagram is not drawn: ${escapeHtml(block.problem)}.</p>`;
}
