/**
 * Builds realistic, valid model cards of an exact number of lines, deterministically from a seed:
 * every section of the format, sliced metric results with datasets and confidence intervals,
 * declared factors, datasets, risks, limitations, governance reviews and comments.
 */

/** Where the bench edits and queries a generated card (0-based lines and characters). */
export interface CardLandmarks {
  /** The `value:` of the metric result nearest the middle of the card. */
  editedValue: { line: number; character: number; text: string };
  /** The start of the `threshold` key in that result: completion inside a mapping, mid-card. */
  keyInMidCardMapping: { line: number; character: number };
  /** Inside the `confidence_interval` key of that result: hover on a key. */
  hoveredKey: { line: number; character: number };
  /** The empty last line: completion at the top level. */
  topLevel: { line: number; character: number };
}

export interface GeneratedCard {
  text: string;
  lineCount: number;
  landmarks: CardLandmarks;
}

/** Lines that can be repeated to grow a section: one metric result, one dataset, one review... */
export type Unit = string[];

export const evaluationFactors: Record<string, string[]> = {
  age: ['young', 'middle', 'old'],
  gender: ['female', 'male', 'nonbinary'],
  region: ['americas', 'emea', 'apac'],
  skin_type: ['I', 'II', 'III', 'IV', 'V', 'VI'],
  device: ['phone', 'dslr', 'webcam'],
};
export const unitMetrics = ['accuracy', 'precision', 'recall', 'f1', 'auroc', 'false_positive_rate', 'false_negative_rate'];
export const domains = ['street', 'studio', 'indoor', 'outdoor', 'clinical', 'archive', 'social'];
const reviewers = ['Ada Okafor', 'Bruno Lind', 'Chen Wei', 'Dana Levi', 'Emeka Obi', 'Farah Haddad', 'Greta Holm'];
export const concerns = ['low light', 'motion blur', 'occlusion', 'heavy make-up', 'sunglasses', 'extreme poses', 'low resolution', 'compression artefacts'];

/** Small deterministic PRNG (mulberry32), so every run benchmarks the same cards. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes the parts of a card; bench/cardShapes.ts extends it for cards of other shapes. */
export class CardWriter {
  protected readonly random: () => number;
  /** Names of the evaluation datasets declared so far; metric results pick from them. */
  private readonly evaluationDatasets: string[] = [];
  private datasetCount = 0;

  constructor(seed: number) {
    this.random = randomSource(seed);
  }

  protected pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  protected between(low: number, high: number, digits = 3): number {
    return Number((low + this.random() * (high - low)).toFixed(digits));
  }

  header(): string[] {
    return [
      '# Model card generated for the Model Card Studio benchmark.',
      'schema_version: 1',
      'name: Face Attribute Classifier',
      "version: '3.2'",
      "date: '2024-06-30'",
      'summary: Detects facial attributes such as smiling in photos of one face.',
      'type: Convolutional neural network',
      'architecture: >-',
      '  A ResNet-50 backbone pretrained on ImageNet, fine-tuned on face crops.',
      'task: image-classification',
      'library_name: pytorch',
      'owners:',
      '  - name: Vision Fairness Team',
      '    role: developer',
      'license: apache-2.0',
      'references:',
      '  - https://arxiv.org/abs/1810.03993',
      'contact: model-cards@example.com',
      'tags: [faces, attributes, fairness]',
      'language: en',
    ];
  }

  intendedUse(): string[] {
    return [
      'intended_use:',
      '  primary_uses:',
      '    - Tagging smiling faces in personal photo albums',
      '    - Describing photos to people who are blind',
      '  primary_users: Developers of consumer photo applications',
      '  out_of_scope:',
      '    - Inferring emotion, identity or any sensitive attribute',
    ];
  }

  factors(): string[] {
    const evaluation = Object.entries(evaluationFactors).map(([name, values]) => `    - {name: ${name}, values: [${values.join(', ')}]}`);
    return ['factors:', `  relevant: [${Object.keys(evaluationFactors).join(', ')}, lighting]`, '  evaluation:', ...evaluation];
  }

  metricResult(): Unit {
    const { name, value, lower, upper, dataset } = this.resultNumbers();
    const lines = [`  - name: ${name}`, `    value: ${value}`, `    dataset: ${dataset}`, ...this.slice(), '    threshold: 0.5'];
    if (this.random() < 0.5) lines.push(`    confidence_interval: {lower: ${lower}, upper: ${upper}, level: 0.95}`);
    else lines.push('    confidence_interval:', `      lower: ${lower}`, `      upper: ${upper}`, '      level: 0.95');
    if (this.random() < 0.25) lines.unshift(`  # ${name} on ${dataset}, bootstrap 95% interval`);
    return lines;
  }

  /** A metric result as tools write many of them: slice and interval in flow style, half of them on one line. */
  compactMetricResult(): Unit {
    const { name, value, lower, upper, dataset } = this.resultNumbers();
    const slice = this.random() < 0.2 ? 'overall' : this.flowSlice(...this.twoFactors());
    const interval = `{lower: ${lower}, upper: ${upper}, level: 0.95}`;
    if (this.random() < 0.5) return [`  - {name: ${name}, value: ${value}, dataset: ${dataset}, slice: ${slice}, confidence_interval: ${interval}}`];
    return [`  - name: ${name}`, `    value: ${value}`, `    dataset: ${dataset}`, `    slice: ${slice}`, '    threshold: 0.5', `    confidence_interval: ${interval}`];
  }

  private resultNumbers(): { name: string; value: number; lower: number; upper: number; dataset: string } {
    const name = this.pick(unitMetrics);
    const value = this.between(0.05, 0.95);
    const halfWidth = this.between(0.005, 0.04);
    const lower = Number((value - halfWidth).toFixed(3));
    const upper = Number((value + halfWidth).toFixed(3));
    return { name, value, lower, upper, dataset: this.pick(this.evaluationDatasets) };
  }

  private slice(): string[] {
    const roll = this.random();
    if (roll < 0.2) return ['    slice: overall'];
    const [first, second] = this.twoFactors();
    if (roll < 0.6) return [`    slice: ${this.flowSlice(first, second)}`];
    return ['    slice:', `      ${first}: ${this.pick(evaluationFactors[first])}`, `      ${second}: ${this.pick(evaluationFactors[second])}`];
  }

  private flowSlice(first: string, second: string): string {
    return `{${first}: ${this.pick(evaluationFactors[first])}, ${second}: ${this.pick(evaluationFactors[second])}}`;
  }

  private twoFactors(): [string, string] {
    const names = Object.keys(evaluationFactors);
    const first = this.pick(names);
    return [first, this.pick(names.filter((name) => name !== first))];
  }

  dataset(kind: 'eval' | 'train'): Unit {
    const name = `${kind}-${this.pick(domains)}-${++this.datasetCount}`;
    if (kind === 'eval') this.evaluationDatasets.push(name);
    const described = [`  - name: ${name}`, `    link: https://data.example.com/${name}`];
    if (kind === 'train') return [...described, '    split: train', '    preprocessing: Faces detected, aligned and cropped to 224x224.'];
    return [
      ...described,
      '    split: test',
      `    size: ${Math.floor(this.between(1000, 90000, 0))}`,
      `    motivation: Faces photographed in ${this.pick(domains)} settings, balanced across the declared factors.`,
      '    sensitive_data: [faces]',
    ];
  }

  risk(): Unit {
    const concern = this.pick(concerns);
    return [
      `  - name: Lower accuracy under ${concern}`,
      '    mitigation: Report sliced results and let users correct the tags.',
    ];
  }

  limitation(): Unit {
    return [`  - Not evaluated on photos with ${this.pick(concerns)} from ${this.pick(domains)} settings.`];
  }

  caveat(): Unit {
    return [`  - Re-evaluate on ${this.pick(domains)} photos before deploying in a new market.`];
  }

  review(index: number): Unit {
    const decision = index === 0 ? 'approved' : this.pick(['approved', 'changes_requested']);
    return [
      `    - reviewer: ${this.pick(reviewers)}`,
      `      decision: ${decision}`,
      `      date: '2024-0${1 + (index % 9)}-1${index % 10}'`,
      `      comment: Checked the sliced results for ${this.pick(concerns)}.`,
    ];
  }

  change(index: number): Unit {
    return [`    - version: '3.${index}'`, `      date: '2023-1${index % 3}-0${1 + (index % 9)}'`, `      changes: Retrained with more ${this.pick(domains)} photos.`];
  }

  quantitativeAnalyses(): string[] {
    return [
      'quantitative_analyses:',
      '  unitary_results: Error rates are similar across ages and across genders taken alone.',
      '  intersectional_results: Older men in low light see the highest false negative rate.',
      '  decision_thresholds: All rates are reported at a 0.5 threshold.',
      '  variation_approaches: 95% confidence intervals by bootstrap resampling.',
    ];
  }

  environment(): string[] {
    return ['environment:', '  hardware: 8x NVIDIA A100', '  hours: 36', '  region: europe-west4', '  co2_eq_kg: 120'];
  }
}

/**
 * A part of the card: its first lines, then units. A growable block (a list section) has `grow`
 * and a `weight`, its share of the lines added to reach the size asked for. The one block that
 * `fillsTheRest` grows by one-line units to make the line count exact.
 */
export interface Block {
  heading: string[];
  units: Unit[];
  grow?: () => Unit;
  weight?: number;
  fillsTheRest?: boolean;
  /** Nested under the previous block (no blank line before it). */
  nested?: boolean;
}

/** Generates a card of exactly `lineCount` lines (the last one empty) from `seed`. */
export function generateCard(lineCount: number, seed = 1): GeneratedCard {
  return assembleCard(cardBlocks(new CardWriter(seed)), lineCount);
}

/** Grows `blocks` to exactly `lineCount` lines and finds where the bench edits and queries them. */
export function assembleCard(blocks: Block[], lineCount: number, findLandmarks: (lines: string[]) => CardLandmarks = findResultLandmarks): GeneratedCard {
  const smallest = render(blocks).length;
  if (smallest > lineCount) throw new Error(`a generated card has at least ${smallest} lines`);
  grow(blocks, lineCount - smallest);
  const lines = render(blocks);
  return { text: lines.join('\n'), lineCount: lines.length, landmarks: findLandmarks(lines) };
}

/** The blocks of the bench's first card: every section, most of its lines in metric results. */
export function cardBlocks(writer: CardWriter): Block[] {
  const fixed = (lines: string[]): Block => ({ heading: lines, units: [] });
  let reviews = 0;
  let changes = 0;
  return [
    fixed(writer.header()),
    fixed(writer.intendedUse()),
    fixed(writer.factors()),
    // Declared before the metrics are generated, so every result names a declared dataset.
    { heading: ['evaluation_data:'], units: [writer.dataset('eval')], grow: () => writer.dataset('eval'), weight: 1 },
    { heading: ['training_data:'], units: [writer.dataset('train')], grow: () => writer.dataset('train'), weight: 0.5 },
    { heading: ['# Results by cohort; slices use the factors declared above.', 'metrics:'], units: [writer.metricResult()], grow: () => writer.metricResult(), weight: 8 },
    fixed(writer.quantitativeAnalyses()),
    { heading: ['ethical_considerations:'], units: [writer.risk()], grow: () => writer.risk(), weight: 0.5 },
    { heading: ['caveats_and_recommendations:'], units: [writer.caveat()], grow: () => writer.caveat(), weight: 0.3 },
    { heading: ['limitations:'], units: [writer.limitation()], grow: () => writer.limitation(), weight: 0.5, fillsTheRest: true },
    fixed(writer.environment()),
    { heading: ['governance:', '  status: approved', '  risk_rating: medium', '  reviews:'], units: [writer.review(reviews++)], grow: () => writer.review(reviews++), weight: 0.7 },
    { heading: ['  changelog:'], units: [writer.change(changes++)], grow: () => writer.change(changes++), weight: 0.5, nested: true },
  ];
}

/**
 * Adds `spareLines` lines: units go to the block furthest behind its weighted share until the
 * next unit would not fit, then the block that fills the rest takes one-line units.
 */
function grow(blocks: Block[], spareLines: number): void {
  const growable = blocks.filter((block) => block.grow && block.weight);
  const totalWeight = growable.reduce((sum, block) => sum + block.weight!, 0);
  const added = new Map<Block, number>(growable.map((block) => [block, 0]));
  let remaining = spareLines;
  const deficit = (block: Block) => ((spareLines - remaining) * block.weight!) / totalWeight - added.get(block)!;
  for (;;) {
    const block = growable.reduce((best, candidate) => (deficit(candidate) > deficit(best) ? candidate : best));
    const unit = block.grow!();
    if (unit.length > remaining) break;
    block.units.push(unit);
    added.set(block, added.get(block)! + unit.length);
    remaining -= unit.length;
  }
  const filler = blocks.find((block) => block.fillsTheRest)!;
  for (; remaining > 0; remaining--) filler.units.push(filler.grow!());
}

/** The card's lines: a blank line between top-level blocks, and an empty last line. */
function render(blocks: Block[]): string[] {
  const lines: string[] = [];
  for (const block of blocks) {
    if (lines.length > 0 && !block.nested) lines.push('');
    lines.push(...block.heading, ...block.units.flat());
  }
  lines.push('');
  return lines;
}

/** Landmarks in the list of metric results: the `value:` nearest the middle of the card, and its result's keys. */
export function findResultLandmarks(lines: string[]): CardLandmarks {
  const valuePrefix = '    value: ';
  const middle = lines.length / 2;
  const valueLine = lines
    .map((line, index) => (line.startsWith(valuePrefix) ? index : -1))
    .filter((index) => index >= 0)
    .reduce((best, index) => (Math.abs(index - middle) < Math.abs(best - middle) ? index : best));
  const lineAfter = (prefix: string) => lines.findIndex((line, index) => index > valueLine && line.startsWith(prefix));
  return {
    editedValue: { line: valueLine, character: valuePrefix.length, text: lines[valueLine].slice(valuePrefix.length) },
    keyInMidCardMapping: { line: lineAfter('    threshold:'), character: 4 },
    hoveredKey: { line: lineAfter('    confidence_interval:'), character: 10 },
    topLevel: { line: lines.length - 1, character: 0 },
  };
}
