/**
 * The Mermaid renderer the preview and the CLI use for ```mermaid blocks: beautiful-mermaid, which
 * parses and lays out Mermaid source (with ELK) and writes SVG without a DOM. The bundles load it
 * from a file of its own (dist/mermaid.js, see esbuild.mjs) when a document first shows a block.
 */
export { renderMermaidSVG } from 'beautiful-mermaid';
