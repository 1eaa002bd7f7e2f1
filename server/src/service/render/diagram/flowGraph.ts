/**
 * A diagram of parts and what flows between them (a system card's components and data flow),
 * independent of how it is drawn: as SVG laid out by us (flowSvg.ts) or as Mermaid source
 * (mermaidFlowchart.ts).
 */
export interface FlowGraph {
  /** What the diagram shows, for its accessible name: "Components and data flow of Support assistant". */
  title: string;
  /** In the document's order; ids are unique. */
  nodes: FlowNode[];
  /** Between ids of `nodes`, in the document's order. */
  edges: FlowEdge[];
}

export interface FlowNode {
  id: string;
  /** The text in the box (the component's name, or its id). */
  label: string;
  /** What kind of part it is (`model`, `retriever`, `human_review`...): its shape and a second line of text. */
  kind?: string;
  /** The document line it is declared on, for going back to it from the picture. */
  line?: number;
}

export interface FlowEdge {
  from: string;
  to: string;
  /** What flows along it. */
  label?: string;
  line?: number;
}
