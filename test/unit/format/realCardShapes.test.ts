import assert from 'node:assert/strict';
import { diagnose } from '../../helpers/cards';

/**
 * The shapes public cards have that the first format could not hold, transcribed as a careful
 * user would: none of them may give a finding.
 */
const shapes: Record<string, string> = {
  'a release year, a month and a day (partial dates), in the card, its reviews and its changelog': `name: Smiling Detection
date: 2018
limitations: Fails on faces in profile.
metrics: {accuracy: 0.9}
evaluation_data: CelebA test split
governance:
  reviews:
    - {reviewer: A. Rivera, decision: approved, date: 2019-11}
  changelog:
    - {version: '1.0', date: '2018', changes: First release}
`,
  'caveats that state the failure modes, and no limitations (Mitchell et al.’s own sections)': `name: Toxicity in Text
date: '2019-03'
metrics: {roc_auc: 0.93}
evaluation_data: Held-out Wikipedia comments
caveats_and_recommendations: |
  Does not capture all forms of toxicity; performance drops on comments that quote identity terms.
`,
  'MTEB results on a 0-100 scale': `name: gte-base
task: sentence-similarity
evaluation_data:
  - {name: mteb-banking77, hub_id: mteb/banking77, config: en, split: test, revision: 0fd18e25b25c072e09e0d92ab615fda904d5300}
  - {name: mteb-sts-benchmark, hub_id: mteb/stsbenchmark-sts, split: test}
metrics:
  - {name: accuracy, value: 85.3, unit: percent, dataset: mteb-banking77}
  - {name: f1, value: 84.9, unit: percent, dataset: mteb-banking77, confidence_interval: [84.1, 85.7]}
  - {name: cos_sim_spearman, value: 86.2, unit: percent, dataset: mteb-sts-benchmark}
limitations: English only.
`,
  'results per model size (variants)': `name: Whisper
date: 2022-09
variants:
  - {name: tiny, parameters: 39M}
  - {name: large-v2, parameters: 1550000000, link: openai/whisper-large-v2}
task: automatic-speech-recognition
evaluation_data:
  - name: librispeech-test-clean
    hub_id: librispeech_asr
    config: clean
    split: test
    size: {value: 5.4, unit: hours}
    sensitive_data: false
metrics:
  - {name: wer, value: 0.0756, dataset: librispeech-test-clean, model: tiny}
  - {name: wer, value: 0.0270, dataset: librispeech-test-clean, model: large-v2}
metric_definitions:
  - name: wer
    description: Word error rate after text normalisation.
    rationale: The standard measure of transcription quality.
    range: [0, 10]
    higher_is_better: false
limitations: Hallucinates text in silence.
`,
  'a fairness test across a factor, with its acceptance criterion': `name: Loan Default Classifier
intended_use:
  primary_uses: [Rank applications for manual review]
  secondary_uses: Portfolio risk estimates, with calibration checked first.
  benefits: Faster decisions for applicants.
  out_of_scope: [Automatic rejection]
factors:
  evaluation:
    - {name: gender, values: [female, male]}
evaluation_data:
  - {name: holdout-2023, size: 120000, sensitive_data: [gender, age]}
metrics:
  - {name: recall, value: 0.81, dataset: holdout-2023, slice: {gender: female}}
  - {name: recall, value: 0.84, dataset: holdout-2023, slice: {gender: male}}
  - name: fpr_ratio
    value: 0.86
    dataset: holdout-2023
    across: gender
    acceptance: {threshold: 0.8, operator: '>=', passed: true}
tradeoffs: A lower threshold raises recall and the false positive rate.
graphics:
  - {name: Recall by gender, path: figures/recall-by-gender.png, description: Recall of each group with 95% intervals.}
ethical_considerations: Gender is used for evaluation only, never as an input.
limitations: Trained on applications from one country.
`,
};

describe('cards shaped like real ones', () => {
  for (const [shape, card] of Object.entries(shapes)) {
    it(`have no finding: ${shape}`, () => {
      const findings = diagnose(card).filter((diagnostic) => !['MC003', 'MC004', 'MC005', 'MC020'].includes(String(diagnostic.code)));
      assert.deepEqual(findings.map((diagnostic) => `${String(diagnostic.code)} ${String(diagnostic.message)}`), []);
    });
  }
});
