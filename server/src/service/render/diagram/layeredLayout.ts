/**
 * A layered (Sugiyama-style) layout of a directed graph, drawn left to right: edges that close a
 * cycle are turned round, every node goes in the layer after its furthest predecessor, edges that
 * span several layers pass through waypoints (one per layer crossed), the nodes of each layer are
 * ordered by the mean position of their neighbours to reduce crossings, and the layers are
 * stacked and centred. Pure arithmetic: no DOM, no text measuring (the caller gives the sizes).
 */

export interface LayoutInput {
  nodes: { id: string; width: number; height: number }[];
  /** Between ids of `nodes`; edges to unknown ids and self-loops are left out of the layout. A label's width makes room for it between the layers it is drawn between. */
  edges: { from: string; to: string; labelWidth?: number }[];
  /** The least horizontal space between two layers; more where a label needs it. */
  layerGap: number;
  /** The vertical space between two nodes of a layer. */
  nodeGap: number;
}

export interface Layout {
  width: number;
  height: number;
  /** The top-left corner of each node, by id. */
  nodes: Map<string, { x: number; y: number; width: number; height: number }>;
  /** Per input edge (same order; undefined for those left out): the points its line passes through, from its start to its end. */
  edges: (Point[] | undefined)[];
  /** Per input edge: where its label goes (the middle of the stretch between the layers that made room for it). */
  labels: (Point | undefined)[];
}

export interface Point {
  x: number;
  y: number;
}

/** A node of a layer: an input node, or a waypoint of a long edge. */
interface Slot {
  id: string;
  width: number;
  height: number;
  layer: number;
}

const sweeps = 4;

export function layeredLayout(input: LayoutInput): Layout {
  const known = new Set(input.nodes.map((node) => node.id));
  const laidOut = input.edges.map((edge) => known.has(edge.from) && known.has(edge.to) && edge.from !== edge.to);
  const reversed = cycleClosingEdges(input, laidOut);
  const layerOf = assignLayers(input, laidOut, reversed);
  const slots = new Map<string, Slot>(input.nodes.map((node) => [node.id, { ...node, layer: layerOf.get(node.id) ?? 0 }]));
  // Each laid-out edge as a chain of slots from its lower layer to its higher one.
  const chains = input.edges.map((edge, index): string[] | undefined => {
    if (!laidOut[index]) return undefined;
    const [start, end] = reversed[index] ? [edge.to, edge.from] : [edge.from, edge.to];
    const chain = [start];
    for (let layer = slots.get(start)!.layer + 1; layer < slots.get(end)!.layer; layer++) {
      const waypoint = `\u0000${index}:${layer}`;
      slots.set(waypoint, { id: waypoint, width: 0, height: 0, layer });
      chain.push(waypoint);
    }
    return [...chain, end];
  });
  const layers = orderLayers(slots, chains);
  // A label goes on the middle stretch of its edge's chain: the gap after that stretch's first layer is made wide enough for it.
  const labelStretch = chains.map((chain) => chain && Math.floor((chain.length - 2) / 2));
  const gaps = layers.map(() => input.layerGap);
  chains.forEach((chain, index) => {
    const width = input.edges[index].labelWidth;
    if (!chain || !width) return;
    const gap = slots.get(chain[labelStretch[index]!])!.layer;
    gaps[gap] = Math.max(gaps[gap], width + input.layerGap);
  });
  const positions = place(layers, gaps, input.nodeGap);
  const edges = spreadPorts(chains.map((chain) => chain && edgePoints(chain.map((id) => positions.get(id)!))), chains, positions).map((points, index) =>
    points && reversed[index] ? points.reverse() : points,
  );
  const labels = chains.map((chain, index) => {
    const points = chain && edges[index] && (reversed[index] ? [...edges[index]!].reverse() : edges[index]!);
    if (!points) return undefined;
    const [from, to] = [points[labelStretch[index]!], points[labelStretch[index]! + 1]];
    return { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 };
  });
  const nodes = new Map(input.nodes.map((node) => [node.id, positions.get(node.id)!]));
  const width = Math.max(0, ...[...positions.values()].map((box) => box.x + box.width));
  const height = Math.max(0, ...[...positions.values()].map((box) => box.y + box.height));
  return { width, height, nodes, edges, labels };
}

/** The edges a depth-first walk (from the nodes in their order) finds going back to a node it is still inside: turning them round leaves no cycle. */
function cycleClosingEdges(input: LayoutInput, laidOut: boolean[]): boolean[] {
  const outgoing = new Map<string, number[]>(input.nodes.map((node) => [node.id, []]));
  input.edges.forEach((edge, index) => laidOut[index] && outgoing.get(edge.from)!.push(index));
  const reversed = input.edges.map(() => false);
  const state = new Map<string, 'open' | 'done'>();
  for (const root of input.nodes) {
    if (state.has(root.id)) continue;
    // An explicit stack: a long chain of components must not overflow the call stack.
    const stack: { id: string; next: number }[] = [{ id: root.id, next: 0 }];
    state.set(root.id, 'open');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const edgeIndex = outgoing.get(top.id)![top.next++];
      if (edgeIndex === undefined) {
        state.set(top.id, 'done');
        stack.pop();
        continue;
      }
      const target = input.edges[edgeIndex].to;
      if (state.get(target) === 'open') reversed[edgeIndex] = true;
      else if (!state.has(target)) {
        state.set(target, 'open');
        stack.push({ id: target, next: 0 });
      }
    }
  }
  return reversed;
}

/** The longest path to each node from a node nothing leads to (edges that close a cycle counted turned round). */
function assignLayers(input: LayoutInput, laidOut: boolean[], reversed: boolean[]): Map<string, number> {
  const successors = new Map<string, string[]>(input.nodes.map((node) => [node.id, []]));
  const waiting = new Map<string, number>(input.nodes.map((node) => [node.id, 0]));
  input.edges.forEach((edge, index) => {
    if (!laidOut[index]) return;
    const [from, to] = reversed[index] ? [edge.to, edge.from] : [edge.from, edge.to];
    successors.get(from)!.push(to);
    waiting.set(to, waiting.get(to)! + 1);
  });
  const layer = new Map<string, number>();
  const ready = input.nodes.filter((node) => waiting.get(node.id) === 0).map((node) => node.id);
  for (const id of ready) layer.set(id, 0);
  while (ready.length > 0) {
    const id = ready.shift()!;
    for (const next of successors.get(id)!) {
      layer.set(next, Math.max(layer.get(next) ?? 0, layer.get(id)! + 1));
      waiting.set(next, waiting.get(next)! - 1);
      if (waiting.get(next) === 0) ready.push(next);
    }
  }
  return layer;
}

/** The slots of each layer, in the order that crosses the fewest edges a few barycentre sweeps find. */
function orderLayers(slots: Map<string, Slot>, chains: (string[] | undefined)[]): Slot[][] {
  const layers: Slot[][] = [];
  for (const slot of slots.values()) (layers[slot.layer] ??= []).push(slot);
  const neighbours = { before: new Map<string, string[]>(), after: new Map<string, string[]>() };
  for (const chain of chains) {
    for (let index = 1; index < (chain?.length ?? 0); index++) {
      const [from, to] = [chain![index - 1], chain![index]];
      neighbours.after.set(from, [...(neighbours.after.get(from) ?? []), to]);
      neighbours.before.set(to, [...(neighbours.before.get(to) ?? []), from]);
    }
  }
  for (let sweep = 0; sweep < sweeps; sweep++) {
    const forward = sweep % 2 === 0;
    const order = forward ? layers.keys() : [...layers.keys()].reverse();
    for (const layerIndex of order) {
      const fixed = layers[layerIndex + (forward ? -1 : 1)];
      if (!fixed) continue;
      const rank = new Map(fixed.map((slot, index) => [slot.id, index]));
      const links = forward ? neighbours.before : neighbours.after;
      const barycentre = (slot: Slot, current: number) => {
        const ranks = (links.get(slot.id) ?? []).map((id) => rank.get(id)!);
        return ranks.length === 0 ? current : ranks.reduce((sum, value) => sum + value, 0) / ranks.length;
      };
      const keyed = layers[layerIndex].map((slot, index) => ({ slot, key: barycentre(slot, index), index }));
      // A stable sort: ties keep the document's order.
      layers[layerIndex] = keyed.sort((a, b) => a.key - b.key || a.index - b.index).map(({ slot }) => slot);
    }
  }
  return layers;
}

/** Boxes for the slots: layers side by side (each as wide as its widest node), each layer's stack centred vertically. */
function place(layers: Slot[][], layerGaps: number[], nodeGap: number): Map<string, { x: number; y: number; width: number; height: number }> {
  const stackHeight = (layer: Slot[]) => layer.reduce((sum, slot) => sum + slot.height, 0) + nodeGap * Math.max(0, layer.length - 1);
  const tallest = Math.max(0, ...layers.map(stackHeight));
  const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
  let x = 0;
  for (const layer of layers) {
    const layerWidth = Math.max(0, ...layer.map((slot) => slot.width));
    let y = (tallest - stackHeight(layer)) / 2;
    for (const slot of layer) {
      boxes.set(slot.id, { x: x + (layerWidth - slot.width) / 2, y, width: slot.width, height: slot.height });
      y += slot.height + nodeGap;
    }
    x += layerWidth + layerGaps[layers.indexOf(layer)];
  }
  return boxes;
}

/** An edge's points through its chain of boxes: out of the right side of the first, into the left side of each next one (a waypoint is a box of no size). */
function edgePoints(boxes: { x: number; y: number; width: number; height: number }[]): Point[] {
  return boxes.map((box, index) => ({ x: index === 0 ? box.x + box.width : box.x, y: box.y + box.height / 2 }));
}

/**
 * Edges that leave or reach the same side of a node are spread along it (ordered by where their
 * other end is, so that they do not cross there) instead of meeting in one point.
 */
function spreadPorts(edges: (Point[] | undefined)[], chains: (string[] | undefined)[], boxes: Map<string, { x: number; y: number; width: number; height: number }>): (Point[] | undefined)[] {
  const ports = new Map<string, { point: Point; towards: number }[]>();
  edges.forEach((points, index) => {
    const chain = chains[index];
    if (!points || !chain) return;
    const ends = [
      { key: `${chain[0]}\u0001out`, point: points[0], towards: points[1].y },
      { key: `${chain[chain.length - 1]}\u0001in`, point: points[points.length - 1], towards: points[points.length - 2].y },
    ];
    for (const { key, point, towards } of ends) ports.set(key, [...(ports.get(key) ?? []), { point, towards }]);
  });
  for (const [key, side] of ports) {
    const box = boxes.get(key.slice(0, key.lastIndexOf('\u0001')))!;
    side.sort((a, b) => a.towards - b.towards);
    side.forEach(({ point }, index) => (point.y = box.y + (box.height * (index + 1)) / (side.length + 1)));
  }
  return edges;
}
