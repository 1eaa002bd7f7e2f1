/**
 * Everything the VS Code client and the language server say to each other beyond standard LSP:
 * settings and custom requests. Both sides import this one file.
 */

import type { TextDocumentIdentifier, TextEdit } from 'vscode-languageserver-types';
import type { ExportFormatId, ImportFormatId, Loss, OutputFile } from './service/formats/formatTypes';
import type { KindFiles } from './service/kinds/documentKind';
import { kindFiles } from './service/kinds/kindFiles';
import type { DisparityBounds, Policy } from './service/policy/policy';
import type { OrgTemplate } from './service/templates/orgTemplates';

/** What a rule's severity can be set to (`off` silences it). */
export const severitySettings = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeveritySetting = (typeof severitySettings)[number];

/** Shorter spellings a severity may be given in (settings, `.modelcardrc.yaml`, `--rule`), as ruff and eslint users write them. */
export const severityAliases: Readonly<Record<string, SeveritySetting>> = { warn: 'warning', info: 'information' };

/** The severity a setting names, through its alias if it is one; undefined for anything else. */
export function toSeveritySetting(value: unknown): SeveritySetting | undefined {
  if (typeof value !== 'string') return undefined;
  return severitySettings.includes(value as SeveritySetting) ? (value as SeveritySetting) : severityAliases[value];
}

/** The `modelcard.*` settings, per resource. */
export interface ModelCardSettings {
  /** Severity overrides, keyed by rule code (`MC001`) or rule name (`missing-limitations`). */
  rules: Record<string, SeveritySetting>;
  /** Words and phrases that mark text as not written yet. */
  placeholders: string[];
  verify: {
    /** When the editor checks bound results against their runs (on open and on save). */
    onSave: VerifyOnSave;
  };
  huggingFace: {
    /** Check the Hugging Face metadata of README.md files (the Hub's rules, offline). */
    validateReadme: boolean;
  };
  /**
   * The `modelcard.policy` setting: the policy file that applies instead of the nearest
   * `.modelcard-policy.yaml` (an absolute path, or one relative to the card's workspace folder).
   */
  policyFile?: string;
  /** The organisation's policy in force for the card, as the server or the CLI read it. Without one, the built-in defaults apply. */
  policy?: Policy;
  /** Slice-disparity bounds from the project config (`.modelcardrc.yaml`), over the policy's. */
  disparity?: Partial<DisparityBounds>;
  /**
   * Today's date (YYYY-MM-DD), for the rules that compare a date with it (a review due). The
   * caller gives it, so that a check can be reproduced; without it those rules do not run.
   */
  today?: string;
}

/** `auto`: verify the results whose store is there (in the workspace); `on`: all, a missing store is a finding; `off`: never. */
export const verifyOnSaveValues = ['auto', 'on', 'off'] as const;
export type VerifyOnSave = (typeof verifyOnSaveValues)[number];

export const defaultSettings: ModelCardSettings = {
  rules: {},
  placeholders: ['TODO', 'TBD', 'FIXME', 'XXX', '[More Information Needed]', 'More information needed', '[Your ...]', '{{...}}', 'lorem ipsum', 'foo'],
  verify: { onSave: 'auto' },
  huggingFace: { validateReadme: false },
};

/** The settings section the server asks the client for. */
export const settingsSection = 'modelcard';

/**
 * The documents a card renders to, one per audience: `technical` (engineers: everything, with
 * findings), `regulatory` (auditors: structured by the EU AI Act's Annex IV, with completeness,
 * sign-offs and changelog), `summary` (users: one page in plain language).
 */
export const audiences = ['technical', 'regulatory', 'summary'] as const;
export type Audience = (typeof audiences)[number];

/**
 * The audiences' earlier names, still accepted by the setting, the render request and `--audience`:
 * developer is technical, reviewer the technical document with governance first, compliance
 * regulatory, public summary.
 */
export const earlierAudiences = ['developer', 'reviewer', 'compliance', 'public'] as const;
export type PreviewAudience = Audience | (typeof earlierAudiences)[number];

/** The document an audience (by its name or its earlier name) reads; anything else reads the technical one. */
export function documentFor(audience: PreviewAudience | string | undefined): Audience {
  if (audience === 'regulatory' || audience === 'compliance') return 'regulatory';
  if (audience === 'summary' || audience === 'public') return 'summary';
  return 'technical';
}

/** `modelcard/render`: the card rendered as HTML from the server's parse (the preview's content). */
export const renderRequest = 'modelcard/render';

export interface RenderParams {
  textDocument: { uri: string };
  audience: PreviewAudience;
  /** The address under which the page can load the files beside the card (its folder), for the card's figures. */
  graphicsBase?: string;
}

export interface RenderedCard {
  title: string;
  /** Body HTML: escaped text, sanitized Markdown and inline SVG only; block elements carry `data-line`. */
  html: string;
  /** `governance.status`, when the card states one. */
  status?: string;
  /** Share of the recommended sections that are written, 0–100. */
  completeness: number;
  errors: number;
  warnings: number;
  /** The document version this rendering is of. */
  version?: number;
  /** Only part of the card is shown (a large card not read, or not checked, in time): render again for the rest. */
  incomplete?: boolean;
  /** The audience this rendering is for (the document read: technical, regulatory or summary). */
  audience?: Audience;
}

/** Where a card stands in review (`governance.status`), in workflow order. */
export const governanceStatuses = ['draft', 'in_review', 'approved', 'published', 'archived'] as const;
export type GovernanceStatus = (typeof governanceStatuses)[number];

/** A reviewer's decision (`governance.reviews[].decision`). */
export const reviewDecisions = ['approved', 'changes_requested', 'rejected'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

/** Params of the card requests below: the open card they are about. */
export interface CardParams {
  textDocument: TextDocumentIdentifier;
}

/** `modelcard/diagramMermaid`: the card's diagram (a system card's components and data flow) as Mermaid source. */
export const diagramMermaidRequest = 'modelcard/diagramMermaid';

export interface DiagramMermaid {
  /** Absent when the document has no diagram (not a system card, or no components). */
  mermaid?: string;
}

/** `modelcard/cardSummary`: what the status bar shows for a card. */
export const cardSummaryRequest = 'modelcard/cardSummary';

export interface CardSummary {
  name?: string;
  /** Absent when the card states no valid `governance.status`. */
  status?: GovernanceStatus;
}

/**
 * What a workspace index keeps of a document of any kind (a card, a datasheet, a system card):
 * enough to list it in a catalogue without its whole parse.
 */
export interface DocumentSummary {
  /** The document kind's id: `modelCard`, `datasheet`, `systemCard`. */
  kind: string;
  name?: string;
  /** Absent when the document states no valid `governance.status`. */
  status?: GovernanceStatus;
  /** The first of its `owners`, by name. */
  owner?: string;
  errors: number;
  warnings: number;
}

/** `modelcard/catalogue`: every document of the workspace index, for the catalogue view (no params). */
export const catalogueRequest = 'modelcard/catalogue';

/** `modelcard/catalogueChanged` (server to client, no params): a document was added, removed, or its summary changed. */
export const catalogueChangedNotification = 'modelcard/catalogueChanged';

export interface Catalogue {
  /** The kinds of document, in the registry's order: the catalogue's groups. */
  kinds: { id: string; label: string }[];
  documents: CatalogueDocument[];
}

/** One document of the catalogue: its summary, and a system card's components. */
export interface CatalogueDocument extends DocumentSummary {
  uri: string;
  components?: CatalogueComponent[];
}

/** A system card's component. */
export interface CatalogueComponent {
  id: string;
  kind?: string;
  /** The URI of the document its `card` links to. */
  uri?: string;
}

/** `modelcard/cardData`: the card as plain data (for export), with the number of errors the rules find in it. */
export const cardDataRequest = 'modelcard/cardData';

export interface CardData {
  /** Absent when the card is not a mapping of keys (an empty file, a list) or its aliases expand too far. */
  data?: unknown;
  errorCount: number;
}

/** `modelcard/governanceEdits`: the text edits that make a change to the card's governance. */
export const governanceEditsRequest = 'modelcard/governanceEdits';

/** One review, as `governance.reviews` holds it. */
export interface Review {
  reviewer: string;
  role?: string;
  decision: ReviewDecision;
  /** YYYY-MM-DD. */
  date: string;
}

/** A sign-off to append to `governance.sign_offs`; the service computes its digest from the card. */
export interface SignOffRequest {
  /** A top-level key (`intended_use`), or a key inside one (`governance.regulations`). */
  section: string;
  role: string;
  name: string;
  /** YYYY-MM-DD. */
  date: string;
  comment?: string;
}

/** A change to the card's governance: a new status, a review or a sign-off to append, or several (one edit). */
export interface GovernanceChange {
  status?: GovernanceStatus;
  review?: Review;
  signOff?: SignOffRequest;
}

export interface GovernanceEditsParams extends CardParams {
  change: GovernanceChange;
}

/** The edits that make a governance change, computed on `version` of the card: the client applies them to that version only. */
export interface GovernanceEdits {
  version: number;
  edits: TextEdit[];
  /** Why the change cannot be made to the card as it stands (then `edits` is empty). */
  refused?: string;
}

/** What a fill takes from the run beyond the bound results (the CLI's options, the editor command's picks). */
export interface FillSelection {
  /** Metric keys to add as new results: comma-separated globs (`test_*,eval/f1`). Unset: all on a first fill, none after. */
  metrics?: string;
  /** Parameters to write to `training.hyperparameters`, as globs. Unset: all on a first fill, the known ones after. */
  params?: string;
  /** Round values (and their confidence intervals) to this many decimal places; unset keeps full precision. */
  precision?: number;
  /** Write local paths and user names the run holds (refused by default). */
  allowLocalPaths?: boolean;
}

/** The edits that fill a card from a run, computed on `version` of the card. */
export interface FillOutcome {
  version: number;
  edits: TextEdit[];
  /** What changes, one line per result or section: `accuracy: 0.9 → 0.91`, `f1: added (0.8)`. */
  changes: string[];
  /** What was left out or could not be done, one line each. */
  notices: string[];
  /** Why nothing can be filled (then `edits` is empty). */
  refused?: string;
}

/** An experiment tracker's store on disk, as the client found or was given it. */
export interface StoreParams {
  tracker: 'mlflow' | 'wandb';
  /** A file path: an MLflow `mlflow.db` or `mlruns/` folder, a W&B `wandb/` folder or run folder. */
  store: string;
}

/** `modelcard/listRuns`: the runs of a store, newest first (Fill from Experiment Run…). */
export const listRunsRequest = 'modelcard/listRuns';

export interface RunListItem {
  id: string;
  name?: string;
  experiment?: string;
  status: string;
  /** Epoch milliseconds. */
  startTime?: number;
  /** Latest metric values, as text (`0.91`, `.nan`), in the run's order. */
  metrics: [string, string][];
}

export interface RunList {
  runs: RunListItem[];
  /** Why the store cannot be read (then `runs` is empty). */
  error?: string;
}

/** `modelcard/fillEdits`: the edits that fill the open card from a run of a store. */
export const fillEditsRequest = 'modelcard/fillEdits';

export interface FillEditsParams extends CardParams, StoreParams {
  runId: string;
  selection: FillSelection;
}

/** `modelcard/exportCard`: the open card in another format (the editor writes the files). */
export const exportCardRequest = 'modelcard/exportCard';

export interface ExportCardParams extends CardParams {
  format: ExportFormatId;
  /** CycloneDX version (default 1.6). */
  spec?: '1.5' | '1.6';
  /** Hugging Face: also `.eval_results/*.yaml`. */
  evalResults?: boolean;
}

export interface ExportedCard {
  /** The main file first; its path is the format's default name (README.md, `<stem>.cdx.json`...); the others are relative to it. */
  files: OutputFile[];
  losses: Loss[];
  /** Errors the rules find in the card. */
  errorCount: number;
  /** Why the card cannot be exported (then `files` is empty). */
  refused?: string;
}

/** `modelcard/importCard`: a README.md, an MCT JSON or a Markdown card read as a card's data (the editor names and writes the files). */
export const importCardRequest = 'modelcard/importCard';

export interface ImportCardParams {
  /** The source's file name or path (README.md tells the format, and names the model when nothing else does). */
  fileName: string;
  text: string;
  /** The format; guessed from the file name when absent. */
  format?: ImportFormatId;
}

export interface ImportedCard {
  /** The card as data; absent when nothing could be read (see `findings`). */
  card?: Record<string, unknown>;
  /** Graphics to write beside the card, at the paths the card's `graphics` name. */
  files: OutputFile[];
  losses: Loss[];
  /** Problems with the source, one line each, with their line and column when they have a place. */
  findings: string[];
  /** The format's name, for messages. */
  formatLabel: string;
}

/** `modelcard/cardText`: a card's data as the text of a new card file (keys in the schema's order, a comment on where it came from). */
export const cardTextRequest = 'modelcard/cardText';

export interface CardTextParams {
  card: Record<string, unknown>;
  origin: string;
}

/**
 * `modelcard/templates`: the organisation's templates for a new document in `folder` (a URI): those
 * of the templates folder named by the policy that applies there (the `modelcard.policy` setting,
 * else the nearest `.modelcard-policy.yaml` in the folder or above), as the CLI's `new` finds them.
 */
export const orgTemplatesRequest = 'modelcard/templates';

export interface OrgTemplatesParams {
  folder: string;
}

export interface OrgTemplateList {
  /** The policy that names the templates folder; absent when no policy applies or it names none. */
  policy?: { uri: string; organisation?: string };
  /** Each with the id of its kind (`kindId`), in file name order. */
  templates: OrgTemplate[];
  /** What was left out, one line each: a folder that cannot be read, a file that is not a template. */
  problems: string[];
}

/** The card requests: method → [params, result]. A result is null when the card is not open on the server. */
export interface CardRequests {
  [cardSummaryRequest]: [CardParams, CardSummary | null];
  [diagramMermaidRequest]: [CardParams, DiagramMermaid | null];
  [cardDataRequest]: [CardParams, CardData | null];
  [governanceEditsRequest]: [GovernanceEditsParams, GovernanceEdits | null];
  [renderRequest]: [RenderParams, RenderedCard | null];
  [listRunsRequest]: [StoreParams, RunList];
  [fillEditsRequest]: [FillEditsParams, FillOutcome | null];
  [exportCardRequest]: [ExportCardParams, ExportedCard | null];
  [importCardRequest]: [ImportCardParams, ImportedCard];
  [cardTextRequest]: [CardTextParams, string];
  [catalogueRequest]: [null, Catalogue];
  [orgTemplatesRequest]: [OrgTemplatesParams, OrgTemplateList];
}

/** A document filter of the editor's language client (LSP's `DocumentFilter`): which documents it sends the server. */
export interface KindDocumentFilter {
  language: string;
  /** A glob on the document's path. */
  pattern?: string;
}

/**
 * The documents the editor sends the server. The server reads a document's kind from its file
 * name (kinds/kindFiles.ts), and a name that says no kind as the first kind's; so the editor sends
 * the first kind's language (model cards) whatever the name (an untitled card, a name set in
 * `files.associations`), and the other kinds' languages only under their own names: a document in
 * the datasheet language is never checked as a model card.
 */
export function kindDocumentFilters(kinds: readonly KindFiles[] = kindFiles): KindDocumentFilter[] {
  return kinds.map((kind, index) => (index === 0 ? { language: kind.languageId } : { language: kind.languageId, pattern: `**/*.{${kind.fileSuffixes.map((suffix) => suffix.slice(1)).join(',')}}` }));
}
