/**
 * Cards of the shapes found in the wild, beside the bench's first card (`mixed`): a long short-form
 * `metrics` map, a long list of metric results, long literal-block texts, and many sections with
 * comments. Each is valid for both servers and has the landmarks the bench edits and queries.
 */
import {
  assembleCard,
  cardBlocks,
  CardWriter,
  concerns,
  domains,
  evaluationFactors,
  generateCard,
  unitMetrics,
  type Block,
  type CardLandmarks,
  type GeneratedCard,
  type Unit,
} from './generateCard';

export interface CardShape {
  name: string;
  /** What the card is made of, for the notes under the table. */
  summary: string;
  generate: (lineCount: number) => GeneratedCard;
  /** What it holds, counted in a generated card: "9,950 metrics", "412 sections, 2,310 comment lines". */
  count: (card: GeneratedCard) => string;
}

const textWidth = 88;
const factorValues = Object.values(evaluationFactors).flat();

/** The bench's card writer, with the parts the other shapes are made of. */
class ShapeWriter extends CardWriter {
  private metricCount = 0;
  private sectionCount = 0;

  /** One entry of the short-form `metrics` map (`accuracy: 0.92`), under a name no other entry has. */
  metricEntry(): Unit {
    const name = `${this.pick(unitMetrics)}_${this.pick(domains)}_${this.pick(factorValues)}_${++this.metricCount}`;
    return [`  ${name}: ${this.between(0.05, 0.95)}`];
  }

  /** A paragraph of prose in a literal block, indented by two spaces, with the blank line that ends it. */
  paragraph(): Unit {
    const sentences = Array.from({ length: 3 + Math.floor(this.random() * 6) }, () => this.sentence());
    return [...wrap(sentences.join(' '), textWidth).map((line) => `  ${line}`), ''];
  }

  /** One line of prose in a literal block. */
  proseLine(): Unit {
    return [`  ${this.sentence()}`];
  }

  private sentence(): string {
    return this.pick([
      () => `Accuracy drops on ${this.pick(domains)} photos with ${this.pick(concerns)}, most for ${this.pick(factorValues)} faces.`,
      () => `Reviewers compared the ${this.pick(unitMetrics)} of every slice with the ${this.pick(domains)} baseline before each release.`,
      () => `Do not use the tags to infer emotion, identity or health; a person reviews every photo flagged for ${this.pick(concerns)}.`,
      () => `The ${this.pick(domains)} set was collected with consent: "faces: cropped, blurred backgrounds" (see the datasheet, section ${1 + Math.floor(this.random() * 9)}).`,
      () => `Results at threshold 0.5 hold for ${this.pick(factorValues)} and ${this.pick(factorValues)} groups; re-check them after retraining.`,
    ])();
  }

  /**
   * `unit` as people leave it after a few review rounds: sometimes a comment before it, a trailing
   * comment on its first line, or an older version of it commented out.
   */
  commented(unit: Unit): Unit {
    const indent = /^ */.exec(unit[0])![0];
    const roll = this.random();
    if (roll < 0.35) return [`${indent}# Checked with the ${this.pick(domains)} team: ${this.pick(concerns)} is covered.`, ...unit];
    if (roll < 0.6 && !unit[0].includes('#')) return [`${unit[0]}  # ${this.pick(['kept', 'from the last audit', 'see the datasheet', 'revisit next release'])}`, ...unit.slice(1)];
    if (roll < 0.7) return [`${indent}# Previous version, kept for the audit trail:`, ...unit.map((line) => `${indent}# ${line.slice(indent.length)}`), ...unit];
    return unit;
  }

  /** A top-level extension section (`x-...`) of review notes, with comments around and inside it. */
  extensionSection(): Unit {
    const index = ++this.sectionCount;
    return [
      '',
      `# ---- Review notes, round ${index} ----`,
      '# Kept for the auditors; tools that do not know x- sections ignore them.',
      `x-review-notes-${index}:`,
      `  round: ${index}  # counted from the first release`,
      `  date: '2024-0${1 + (index % 9)}-1${index % 10}'`,
      `  # Discussed in the weekly meeting on ${this.pick(domains)} photos.`,
      '  findings:',
      `    - ${this.pick(concerns)} lowers recall  # open`,
      `    - Slices for ${this.pick(factorValues)} faces were re-run`,
    ];
  }
}

/** Splits `text` into lines of at most `width` characters, between words. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

const fixed = (lines: string[]): Block => ({ heading: lines, units: [] });
const repeat = (times: number, unit: () => Unit): Unit[] => Array.from({ length: times }, unit);

function metricsMapCard(lineCount: number): GeneratedCard {
  const writer = new ShapeWriter(2);
  const blocks: Block[] = [
    fixed(writer.header()),
    fixed(writer.intendedUse()),
    { heading: ['evaluation_data:'], units: repeat(2, () => writer.dataset('eval')) },
    { heading: ['metrics:'], units: [writer.metricEntry()], grow: () => writer.metricEntry(), weight: 1, fillsTheRest: true },
    { heading: ['limitations:'], units: [writer.limitation()] },
    { heading: ['ethical_considerations:'], units: [writer.risk()] },
  ];
  return assembleCard(blocks, lineCount, findMapLandmarks);
}

function metricResultsCard(lineCount: number): GeneratedCard {
  const writer = new ShapeWriter(3);
  const blocks: Block[] = [
    fixed(writer.header()),
    fixed(writer.intendedUse()),
    fixed(writer.factors()),
    { heading: ['evaluation_data:'], units: repeat(8, () => writer.dataset('eval')) },
    { heading: ['metrics:'], units: [writer.compactMetricResult()], grow: () => writer.compactMetricResult(), weight: 1 },
    // Discusses every factor, as a card with this many sliced results would (so MC027 has nothing to say).
    { heading: ['limitations:', `  - Results differ across ${Object.keys(evaluationFactors).join(', ')}; read the sliced results before deploying.`], units: [], grow: () => writer.limitation(), fillsTheRest: true },
    { heading: ['ethical_considerations:'], units: [writer.risk()] },
  ];
  return assembleCard(blocks, lineCount);
}

/** Long `|` texts before and after a few metric results, which sit near the middle of the card. */
function literalBlocksCard(lineCount: number): GeneratedCard {
  const writer = new ShapeWriter(4);
  const text = (key: string, weight: number): Block => ({ heading: [`${key}: |`], units: [writer.paragraph()], grow: () => writer.paragraph(), weight });
  const blocks: Block[] = [
    fixed(writer.header()),
    text('description', 4),
    fixed(writer.intendedUse()),
    fixed(writer.factors()),
    { heading: ['evaluation_data:'], units: repeat(3, () => writer.dataset('eval')) },
    { heading: ['metrics:'], units: repeat(3, () => writer.metricResult()) },
    text('limitations', 2),
    text('ethical_considerations', 1.5),
    { heading: ['caveats_and_recommendations: |'], units: [writer.proseLine()], grow: () => writer.proseLine(), fillsTheRest: true },
  ];
  return assembleCard(blocks, lineCount);
}

/** The bench's first card with a banner comment on every section, comments on many entries, and many `x-` sections. */
function commentedSectionsCard(lineCount: number): GeneratedCard {
  const writer = new ShapeWriter(5);
  const blocks = cardBlocks(writer).map((block) => ({
    ...block,
    heading: block.nested ? block.heading : [`# ---- ${block.heading.find((line) => /^\w/.test(line))?.replace(/:.*/, '') ?? 'header'} ----`, ...block.heading],
    grow: block.grow && (() => (block.fillsTheRest ? block.grow!() : writer.commented(block.grow!()))),
  }));
  blocks.push({ heading: ['# ---- Review notes (extension sections) ----'], units: [], grow: () => writer.extensionSection(), weight: 6, nested: true });
  return assembleCard(blocks, lineCount);
}

/** Landmarks in a short-form `metrics` map: the entry nearest the middle, and the next entry's key. */
function findMapLandmarks(lines: string[]): CardLandmarks {
  const first = lines.indexOf('metrics:') + 1;
  let last = first;
  while (lines[last]?.startsWith('  ')) last++;
  const edited = Math.floor((first + last - 2) / 2);
  const valueAt = lines[edited].indexOf(': ') + 2;
  return {
    editedValue: { line: edited, character: valueAt, text: lines[edited].slice(valueAt) },
    keyInMidCardMapping: { line: edited + 1, character: 2 },
    hoveredKey: { line: edited, character: 4 },
    topLevel: { line: lines.length - 1, character: 0 },
  };
}

const counter = (pattern: RegExp, noun: string) => (card: GeneratedCard) => `${(card.text.match(pattern) ?? []).length.toLocaleString('en-US')} ${noun}`;

export const cardShapes: CardShape[] = [
  {
    name: 'mixed',
    summary: 'every section; most lines in sliced metric results (the first table)',
    generate: (lineCount) => generateCard(lineCount),
    count: counter(/^ {2}- name: .*\n {4}value:/gm, 'metric results'),
  },
  {
    name: 'metrics-map',
    summary: 'the short form `metrics: {name: number}` (as examples/image-classifier.modelcard.yaml), one entry a line',
    generate: metricsMapCard,
    count: counter(/^ {2}\w+: [\d.]+$/gm, 'metrics'),
  },
  {
    name: 'metric-results',
    summary: 'a list of metric results, each with a dataset, a slice and a confidence interval in flow style; half of them on one line',
    generate: metricResultsCard,
    count: counter(/^ {2}- \{?name:/gm, 'metric results'),
  },
  {
    name: 'literal-blocks',
    summary: '`|` texts in description, limitations, ethical_considerations and caveats; 3 metric results in the middle',
    generate: literalBlocksCard,
    count: (card) => `${card.text.length.toLocaleString('en-US')} characters, ${counter(/^ {2}[A-Z].*$/gm, 'lines of text')(card)}`,
  },
  {
    name: 'commented-sections',
    summary: 'the mixed card with a banner comment on each section, comments on entries, commented-out entries, and x- sections',
    generate: commentedSectionsCard,
    count: (card) => `${counter(/^x-/gm, 'x- sections')(card)}, ${counter(/^\s*#/gm, 'comment lines')(card)}`,
  },
];
