import type { Node } from 'yaml';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { ModelCardSettings, SeveritySetting } from '../../protocol';
import type { OffsetEdit } from '../edits/lineEdits';
import type { ParsedCard } from '../parsing/parsedCard';
import type { CardPath } from '../parsing/yamlNodes';
import type { TrackerValues } from '../trackers/boundValues';
import type { IndexEntry, WorkspaceIndex } from '../workspace/workspaceIndex';

/**
 * The codes of the rules of the built-in kinds (`Diagnostic.code`): MC0xx are the model card's and
 * the shared ones, MC10x the datasheet's, MC11x the system card's, MC12x the links between documents.
 */
export enum RuleCode {
  MissingLimitations = 'MC001',
  MissingMetrics = 'MC002',
  MissingIntendedUses = 'MC003',
  MissingOutOfScopeUses = 'MC004',
  MissingEthicalConsiderations = 'MC005',
  UnknownKey = 'MC010',
  WrongType = 'MC011',
  InvalidValue = 'MC012',
  MissingRequiredField = 'MC013',
  InvalidFormat = 'MC014',
  ResultWithoutData = 'MC020',
  UndeclaredDataset = 'MC021',
  MetricOutOfRange = 'MC022',
  InvalidConfidenceInterval = 'MC023',
  UndeclaredSliceFactor = 'MC024',
  AcceptanceMismatch = 'MC025',
  UndeclaredVariant = 'MC026',
  SliceDisparity = 'MC027',
  Placeholder = 'MC030',
  EmptyValue = 'MC031',
  YamlSyntax = 'MC040',
  DuplicateKey = 'MC041',
  TabIndentation = 'MC042',
  Yaml11Boolean = 'MC043',
  VersionAsNumber = 'MC044',
  ApprovalMissing = 'MC050',
  PublishedWithErrors = 'MC051',
  AbsoluteStorePath = 'MC060',
  TrackerValueMismatch = 'MC061',
  UnverifiableSource = 'MC062',
  HubFrontMatter = 'MC070',
  HubLicense = 'MC071',
  HubPipelineTag = 'MC072',
  HubLanguage = 'MC073',
  HubModelIndex = 'MC074',
  HubListValue = 'MC075',
  HubYaml11 = 'MC076',
  HubExport = 'MC077',
  PolicyRequired = 'MC080',
  PolicyValue = 'MC081',
  SignOffStale = 'MC082',
  SignOffMissing = 'MC083',
  SignOffRole = 'MC084',
  MonitoringMissing = 'MC085',
  MonitoringUnknownMetric = 'MC086',
  ReviewOverdue = 'MC087',
  MonitoringOwner = 'MC088',
  MissingDatasheetSection = 'MC100',
  UnprotectedPersonalData = 'MC101',
  MissingDatasetLicense = 'MC102',
  MissingMaintenanceContact = 'MC103',
  DuplicateComponentId = 'MC110',
  UnknownComponent = 'MC111',
  DataFlowCycle = 'MC112',
  RequirementMissed = 'MC113',
  MissingFailureModes = 'MC114',
  BrokenLink = 'MC120',
  LinkToWrongKind = 'MC121',
  ComponentNotApproved = 'MC122',
  DatasetWithoutDatasheet = 'MC123',
}

/** A rule's default severity: any severity setting but `off`. */
export type Severity = Exclude<SeveritySetting, 'off'>;

/**
 * How a diagnostic can be fixed mechanically; carried in `Diagnostic.data` for code actions.
 * A `safe` fix only corrects how something is written (quoting, a typo's closest valid value, a
 * percentage written as a fraction): `lint --fix` and fix-all apply it. Fixes that insert
 * placeholder text or change what the card claims are never safe.
 */
export type FixData = OneFix<TextEdit> | { kind: 'choices'; fixes: OneFix<TextEdit>[] };

/** One way to fix a finding; `Edit` is a range edit in diagnostics and an offset edit in findings. */
export type OneFix<Edit> =
  /** Replace the diagnostic's range with `newText`. */
  | { kind: 'replace'; title: string; newText: string; safe?: boolean }
  /** Several edits of this version of the card, made together. */
  | { kind: 'edits'; title: string; edits: Edit[]; safe?: boolean }
  /**
   * Insert the missing key at `path` (a section, or a key inside one) at its place in the card,
   * with `valueText` as its value, or the schema's skeleton for it.
   */
  | { kind: 'insertKey'; path: CardPath; valueText?: string; title?: string };

/** A fix as a rule states it: like `FixData`, with its edits as offsets (they become ranges in the diagnostic). */
export type FindingFix = OneFix<OffsetEdit> | { kind: 'choices'; fixes: OneFix<OffsetEdit>[] };

/** One problem a rule found, as offsets into the parsed text. */
export interface Finding {
  start: number;
  end: number;
  message: string;
  fix?: FindingFix;
  /** The id of the policy rule that asked for this (policy findings); it goes into the diagnostic's `data`. */
  policyRule?: string;
  /** The severity the policy rule gives this finding; the user's setting for the rule's code still wins. */
  severity?: Severity;
}

/** What a diagnostic's `data` holds: its fix, and for a policy finding the policy rule's id. */
export type DiagnosticData = Partial<FixData> & { policyRule?: string };

export interface RuleContext {
  /** The card; for a Hugging Face README.md, its metadata block, with offsets into the whole README. */
  readonly card: ParsedCard;
  /** Set when the document is a Hugging Face README.md (the Hub metadata rules read it). */
  readonly readme?: { readonly hasMetadata: boolean };
  readonly settings: ModelCardSettings;
  /** The runs' values of the card's bound results, when the caller read them (`lint --verify`, the editor on save). */
  readonly trackerValues?: TrackerValues;
  /**
   * For a `local` rule: whether a node's text is unchanged since the last version validated; its
   * findings are carried over from there, so the rule need not visit it (pass it to walkNodes).
   */
  readonly unchanged?: (node: Node) => boolean;
}

export interface Rule {
  /** `MC` and three digits: a `RuleCode` for the built-in kinds' rules. */
  readonly code: string;
  /** Stable kebab-case name, usable in settings instead of the code. */
  readonly name: string;
  readonly defaultSeverity: Severity;
  /** What the rule finds, in one line: the rules table of the README (`npm run sync:rules` writes it). */
  readonly summary: string;
  /** Why the rule exists: shown on hover over its diagnostics and in `modelcard rules`. */
  readonly rationale: string;
  /**
   * Set when the rule's findings on a node depend only on that node's text, its path and the
   * settings, and lie inside the node (fix edits too): after an edit, validation keeps its
   * findings where the text did not change and the rule visits only the rest (`unchanged`).
   */
  readonly local?: true;
  check(context: RuleContext): Finding[];
}

/** A rule that judges the card from the other rules' findings (it runs after them). */
export interface SummaryRule extends Omit<Rule, 'check'> {
  check(context: RuleContext, errorCount: number): Finding[];
}

/** What a cross-file rule reads: one document's index entry, the index of the workspace, and whether a file that is no document exists. */
export interface CrossFileContext {
  readonly entry: IndexEntry;
  readonly index: WorkspaceIndex;
  /** Whether a file is at `uri` (asked only of links to files the index does not hold). */
  readonly fileExists: (uri: string) => boolean;
}

/** A problem a cross-file rule found in the document: at a link, or where a link is missing. */
export interface LinkFinding {
  range: Range;
  message: string;
}

/** A rule that judges a document's links against the documents they lead to (it reads the workspace index, not the parse). */
export interface CrossFileRule extends Omit<Rule, 'check'> {
  check(context: CrossFileContext): LinkFinding[];
}
