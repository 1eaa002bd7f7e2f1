import { findingAt } from '../../../diagnostics/ruleHelpers';
import { RuleCode, type Rule } from '../../../diagnostics/ruleTypes';
import { components, edges, type Edge } from '../systemData';

/**
 * The kinds of component a loop may pass through: an agent calls tools and reads their results, a
 * service (a gateway, an orchestrator) calls the other parts and takes their results back, and
 * people send work back for another try. Models, retrievers, indexes, prompts and tools pass data on.
 */
export const loopingKinds: readonly string[] = ['agent', 'service', 'human_review'];

export const dataFlowCycle: Rule = {
  code: RuleCode.DataFlowCycle,
  name: 'data-flow-cycle',
  defaultSeverity: 'error',
  summary: 'A loop in a system card\'s `data_flow` through no `agent`, `service` or `human_review` component',
  rationale:
    'Models, retrievers, indexes, prompts and tools pass data on, from the input to the output. Only an agent (calling tools and reading their results), a service (a gateway or orchestrator taking results back) or human review (sending work back) closes a loop; a loop among the others is a mistake in the card, or a feedback path with no one in charge of stopping it.',
  check: ({ card }) => {
    const mayLoop = new Set(components(card).filter((component) => loopingKinds.includes(component.kind ?? '')).map((component) => component.id));
    const known = new Set(components(card).map((component) => component.id));
    // Loops through those are allowed: look for loops among the other components only.
    const flow = edges(card).filter((edge) => known.has(edge.from) && known.has(edge.to) && !mayLoop.has(edge.from) && !mayLoop.has(edge.to));
    return loops(flow).flatMap((loop) => {
      const closing = loop.reduce((latest, edge) => (Number(edge.path[1]) > Number(latest.path[1]) ? edge : latest));
      const names = [...loop.map((edge) => edge.from), loop[0].from].map((id) => `\`${id}\``).join(' → ');
      return findingAt(
        card,
        [...closing.path, 'to'],
        `The data flow loops: ${names}, through no agent, service or human review. Models, retrievers, indexes, prompts and tools pass data on: remove the edge back, or route the loop through the \`agent\` or \`service\` that takes the results back.`,
      );
    });
  },
};

/**
 * One loop (as its edges, in order) per group of components that reach each other
 * (each strongly connected component of the flow with an edge inside it), found in the card's order.
 */
function loops(flow: Edge[]): Edge[][] {
  const out = new Map<string, Edge[]>();
  for (const edge of flow) out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
  const found: Edge[][] = [];
  const covered = new Set<string>();
  for (const start of flow.map((edge) => edge.from)) {
    if (covered.has(start)) continue;
    const loop = loopFrom(start, out);
    if (!loop) continue;
    found.push(loop);
    for (const id of reachableBothWays(start, flow)) covered.add(id);
  }
  return found;
}

/** A shortest path of edges from `start` back to it, by breadth-first search; undefined when there is none. */
function loopFrom(start: string, out: Map<string, Edge[]>): Edge[] | undefined {
  const via = new Map<string, Edge>();
  const queue = [start];
  for (let index = 0; index < queue.length; index++) {
    for (const edge of out.get(queue[index]) ?? []) {
      if (edge.to === start) {
        const path = [edge];
        for (let node = edge.from; node !== start; node = via.get(node)!.from) path.unshift(via.get(node)!);
        return path;
      }
      if (!via.has(edge.to)) {
        via.set(edge.to, edge);
        queue.push(edge.to);
      }
    }
  }
  return undefined;
}

/** The components that `start` reaches and that reach `start`: its loop group. */
function reachableBothWays(start: string, flow: Edge[]): Set<string> {
  const forward = reachable(start, flow, (edge) => [edge.from, edge.to]);
  const backward = reachable(start, flow, (edge) => [edge.to, edge.from]);
  return new Set([...forward].filter((id) => backward.has(id)));
}

/** The components reachable from `start` along the edges, each read as `[from, to]` by `ends`. */
function reachable(start: string, flow: Edge[], ends: (edge: Edge) => [string, string]): Set<string> {
  const next = new Map<string, string[]>();
  for (const edge of flow) {
    const [from, to] = ends(edge);
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const seen = new Set([start]);
  const queue = [start];
  for (let index = 0; index < queue.length; index++) {
    for (const to of next.get(queue[index]) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}
