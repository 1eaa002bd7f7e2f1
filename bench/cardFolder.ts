import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCard } from './generateCard';

/**
 * A 30-line card as teams write them: what the model is for, one dataset, two sliced results,
 * limitations, risks, and a placeholder left in (so the rules have something to report).
 */
export function smallCard(seed: number): string {
  const accuracy = (0.8 + (seed % 17) / 100).toFixed(2);
  return `# Card ${seed}, written by the bench
schema_version: 2
name: Classifier ${seed}
version: '1.${seed % 10}'
summary: Sorts support tickets by topic.
license: apache-2.0
owners:
  - name: Team ${seed % 7}
intended_use:
  primary_uses: Routing support tickets to the right queue.
  out_of_scope: Any decision about a customer without a person in the loop.
factors:
  evaluation:
    - name: language
      values: [en, de]
metrics:
  - name: accuracy
    value: ${accuracy}
    dataset: tickets-test
    slice: {language: en}
  - name: accuracy
    value: ${(Number(accuracy) - 0.05).toFixed(2)}
    dataset: tickets-test
    slice: {language: de}
evaluation_data:
  - name: tickets-test
    description: TODO
limitations: Short tickets (under ten words) are often misrouted.
ethical_considerations: Tickets can hold personal data; the model sees them only in memory.
`;
}

/** A fresh folder with `count` cards: every third one a rich 300-line card, the others 30-line ones. */
export function writeCardFolder(count: number): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-bench-'));
  for (let index = 0; index < count; index++) {
    const text = index % 3 === 0 ? generateCard(300, index + 1).text : smallCard(index);
    writeFileSync(path.join(folder, `card-${String(index).padStart(4, '0')}.modelcard.yaml`), text);
  }
  return folder;
}
