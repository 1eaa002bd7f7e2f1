/**
 * A system card of `components` components for the diagram bench: a pipeline of models, retrievers,
 * prompts and tools in stages, each feeding the next stage and a few skipping one, with loops back
 * through a service and a human review, and what flows named on every edge.
 */
export function generateSystemCard(components: number): string {
  const kinds = ['model', 'retriever', 'index', 'prompt', 'tool', 'agent'];
  const ids = Array.from({ length: components }, (_, index) => `part-${index}`);
  const lines = ['name: Bench system', 'components:'];
  ids.forEach((id, index) => lines.push(`  - id: ${id}`, `    kind: ${index % 10 === 0 ? 'service' : index % 17 === 5 ? 'human_review' : kinds[index % kinds.length]}`, `    name: Component number ${index}`));
  lines.push('data_flow:');
  const stage = (index: number) => Math.floor(index / 5);
  ids.forEach((id, index) => {
    for (const [offset, data] of [[5, 'intermediate results'], [7, 'scores']] as const) {
      const target = index + offset;
      if (target < components && stage(target) > stage(index)) lines.push(`  - {from: ${id}, to: ${ids[target]}, data: ${data}}`);
    }
    if (index % 10 === 9) lines.push(`  - {from: ${id}, to: ${ids[index - 9]}, data: feedback}`);
  });
  return `${lines.join('\n')}\n`;
}
