/**
 * The import/export rows of `npm run bench`: importing a 200 KB Hugging Face README whose
 * model-index has 500 results (target ≤ 200 ms), and exporting a 1,000-line card to each format
 * (target ≤ 100 ms each). Measured in this process after a warm-up, as the median of several
 * runs, with the CPU time beside the wall time (the machine is shared).
 */
import { parse, stringify } from 'yaml';
import { exportFormats, importFormat } from '../server/src/service/formats';
import { generateCard } from './generateCard';
import { percentile } from './stats';

const runs = 9;

export async function interopRows(): Promise<string[]> {
  const readme = generateReadme(500, 200_000);
  const importer = await importFormat('hf')!.load();
  const rows = [row(`import a ${(readme.length / 1000).toFixed(0)} KB README, model-index of 500 results`, 200, () => importer.import({ text: readme, fileName: 'README.md' }))];
  const card = parse(generateCard(1000).text) as Record<string, unknown>;
  for (const format of exportFormats) {
    const exporter = await format.load();
    rows.push(row(`export a 1,000-line card to ${format.label}`, 100, () => exporter.export(card, {})));
  }
  return ['Import and export (median of 9 runs after a warm-up; target in brackets):', ...rows];
}

function row(label: string, targetMs: number, work: () => unknown): string {
  work();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    work();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = percentile(wall, 50);
  return `  ${label}: ${median.toFixed(1)} ms wall, ${percentile(cpu, 50).toFixed(1)} ms CPU (≤ ${targetMs} ms: ${median <= targetMs ? 'met' : 'MISSED'})`;
}

/** A README of about `bytes` bytes: metadata with a model-index of `results` results, then template sections padded with prose and a results table. */
export function generateReadme(results: number, bytes: number): string {
  const modelIndex = [{
    name: 'bench-model',
    results: Array.from({ length: results }, (_, index) => ({
      task: { type: 'text-classification', name: 'Text Classification' },
      dataset: { type: `org/benchmark-${index % 50}`, name: `Benchmark ${index % 50}`, config: `subset-${Math.floor(index / 50)}`, split: 'test' },
      metrics: [{ type: 'accuracy', value: 60 + (index % 40) + 0.25, name: 'Accuracy', verified: false }],
      source: { name: 'Leaderboard', url: `https://example.com/leaderboard/${index}` },
    })),
  }];
  const metadata = stringify({ license: 'apache-2.0', language: ['en', 'fr'], tags: ['bench'], pipeline_tag: 'text-classification', library_name: 'transformers', 'model-index': modelIndex });
  const table = ['| Metric | Benchmark 0 | Benchmark 1 |', '|---|---|---|', ...Array.from({ length: 40 }, (_, index) => `| metric_${index} | 0.${index + 10} | 0.${index + 20} |`)].join('\n');
  const sections = ['## Model Details\n\n### Model Description', '## Uses\n\n### Direct Use', '## Bias, Risks, and Limitations', '## Training Details\n\n### Training Data', `## Evaluation\n\n### Results\n\n${table}`];
  const paragraph = 'The model was trained and evaluated as described here; this sentence stands for the prose of a long, real model card. ';
  let body = '# Bench model\n';
  for (let index = 0; `---\n${metadata}---\n${body}`.length < bytes; index++) body += `\n${sections[index % sections.length]}\n\n${paragraph.repeat(8)}\n`;
  return `---\n${metadata}---\n${body}`;
}
