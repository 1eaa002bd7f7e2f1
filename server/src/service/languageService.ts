import type {
  CodeAction,
  CodeLens,
  CodeActionContext,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Position,
  SelectionRange,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  defaultSettings,
  type CardData,
  type CardSummary,
  type DocumentSummary,
  type FillOutcome,
  type GovernanceChange,
  type GovernanceEdits,
  type ModelCardSettings,
  type PreviewAudience,
  type RenderedCard,
} from '../protocol';
import { CardCache } from './parsing/cardCache';
import type { TrackerValues } from './trackers/boundValues';
import type { ParsedCard } from './parsing/parsedCard';
import { documentKind, parseDocument } from './documentKind';
import { validateCard, validateReadme } from './diagnostics/validate';
import { readmeParts } from './formats/huggingFace/frontMatter';
import { complete } from './features/completion';
import { hover } from './features/hover';
import { codeActions } from './features/codeActions';
import { fixAll, type FixAllResult } from './features/fixAll';
import { migrate, type Migration } from './edits/migrate';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/foldingRanges';
import { selectionRanges } from './features/selectionRanges';
import { cardSummary } from './features/cardSummary';
import { exportData } from './features/exportData';
import { governanceEdits } from './features/governanceEdits';
import { signOffLenses } from './features/signOffLenses';
import { fillFromRun, type FillInput } from './features/fillFromRun';
import { markdownForAudience, renderForAudience } from './render/audienceDocuments';
import type { GraphicSource } from './render/renderCard';
import { mermaidFlowchart } from './render/diagram/mermaidFlowchart';
import type { DocumentKind, DocumentLink } from './kinds/documentKind';
import { documentSummary } from './kinds/documentSummary';
import { documentKinds, kindOfUri } from './kinds/registry';
import { indexEntry } from './workspace/indexEntry';
import type { IndexEntry } from './workspace/workspaceIndex';

/**
 * The model-card language service: pure functions over parsed cards, datasheets and system cards
 * (each document's kind comes from its file name), with no LSP connection and no VS Code. The LSP
 * server, the CLI and the tests all use it.
 */
export interface LanguageService {
  /** The kind of the document at `uri` (by its file name; a model card when the name says nothing). */
  kindOf(uri: string): DocumentKind;
  /** The parse of this version of the document (cached: one parse per version). */
  parse(document: TextDocument): ParsedCard;
  /**
   * Diagnostics of this version with these settings (computed once, then reused by hover and code
   * actions). With `trackerValues`, the values the caller read from the bound runs, bound results are verified.
   * A README.md (see documentKind) gets the Hub's metadata checks instead.
   */
  validate(document: TextDocument, settings?: ModelCardSettings, trackerValues?: TrackerValues): Diagnostic[];
  complete(document: TextDocument, position: Position, settings?: ModelCardSettings): CompletionList;
  /** Hover guidance; on a bound result, what its run says (from `trackerValues`). */
  hover(document: TextDocument, position: Position, settings?: ModelCardSettings, trackerValues?: TrackerValues): Hover | null;
  /** Quick fixes for the diagnostics in `context` (from their `data`), and "Add all missing recommended sections". */
  codeActions(document: TextDocument, context: CodeActionContext, settings?: ModelCardSettings, trackerValues?: TrackerValues): CodeAction[];
  /** The card with every safe fix applied (`lint --fix`), pass after pass; the intermediate versions are not cached. */
  fixAll(document: TextDocument, settings?: ModelCardSettings): FixAllResult;
  /** Code lenses above the card's sections: their sign-offs, what the policy asks, and Sign Off Section…. */
  codeLenses(document: TextDocument, settings?: ModelCardSettings): CodeLens[];
  /** The edits that bring the card to the current format version (`modelcard migrate`). */
  migrate(document: TextDocument): Migration;
  /** The outline: sections and their entries (bounded; a last symbol says when it was cut). */
  documentSymbols(document: TextDocument): DocumentSymbol[];
  /** Folding ranges of sections, lists, mappings, block text and comment runs; at most `rangeLimit`. */
  foldingRanges(document: TextDocument, rangeLimit?: number): FoldingRange[];
  selectionRanges(document: TextDocument, positions: readonly Position[]): SelectionRange[];
  /** The card as HTML for the preview: the document its audience reads (technical, with its findings; regulatory; summary). */
  render(document: TextDocument, audience: PreviewAudience, settings?: ModelCardSettings, graphicSource?: GraphicSource): RenderedCard;
  /** The same document as Markdown (`modelcard render --format md`). */
  renderMarkdown(document: TextDocument, audience: PreviewAudience, settings?: ModelCardSettings, graphicSource?: GraphicSource): string;
  /** The document's diagram (a system card's components and data flow) as Mermaid flowchart source; undefined when its kind has none or it is empty. */
  diagramMermaid(document: TextDocument): string | undefined;
  /** The card's name and review status (the status bar). */
  summarize(document: TextDocument): CardSummary;
  /**
   * What a workspace index keeps of the document: its kind, name, status, first owner and the
   * numbers of errors and warnings under these settings.
   */
  documentSummary(document: TextDocument, settings?: ModelCardSettings): DocumentSummary;
  /** The other documents it links to by relative path (a system card's components, a card's datasheets). */
  links(document: TextDocument): DocumentLink[];
  /** What the workspace index keeps of this version of the document: its summary (findings counted under `settings`) and links. */
  indexEntry(document: TextDocument, settings?: ModelCardSettings): IndexEntry;
  /** The card as plain data for export, with the number of errors it has under these settings. */
  exportData(document: TextDocument, settings?: ModelCardSettings): CardData;
  /** The edits that set the review status and/or append a review or a sign-off (Request Review, Record Approval, Sign Off Section). */
  governanceEdits(document: TextDocument, change: GovernanceChange): GovernanceEdits;
  /** The edits that fill the card from a tracker run (bound results, new results, hyperparameters, provenance). */
  fillFromRun(document: TextDocument, input: FillInput): FillOutcome;
  /** Drops what the service keeps for a closed document. */
  forget(uri: string): void;
  /** Parses run so far (to check that requests reuse the cache). */
  readonly parseCount: number;
}

/** The card rules for a card; the Hub's metadata rules for a README.md (its metadata block parsed). */
function validateParsed(document: TextDocument, card: ParsedCard, settings: ModelCardSettings, trackerValues?: TrackerValues): Diagnostic[] {
  if (documentKind(document.uri) === 'hubReadme') return validateReadme(card, readmeParts(document.getText()).yaml !== undefined, settings);
  return validateCard(card, settings, trackerValues);
}

export interface LanguageServiceOptions {
  /** The kinds of document it reads; the first is the kind of a file whose name matches none. By default the registry's. */
  kinds?: readonly DocumentKind[];
}

export function createLanguageService({ kinds = documentKinds }: LanguageServiceOptions = {}): LanguageService {
  const kindOf = (uri: string) => kindOfUri(uri, kinds);
  const cache = new CardCache(kindOf);
  const diagnosticsByCard = new WeakMap<ParsedCard, { settings: ModelCardSettings; trackerValues?: TrackerValues; diagnostics: Diagnostic[] }>();
  const validate = (document: TextDocument, settings: ModelCardSettings, trackerValues?: TrackerValues): Diagnostic[] => {
    const card = cache.get(document);
    const known = diagnosticsByCard.get(card);
    if (known?.settings === settings && known.trackerValues === trackerValues) return known.diagnostics;
    const diagnostics = validateParsed(document, card, settings, trackerValues);
    diagnosticsByCard.set(card, { settings, trackerValues, diagnostics });
    return diagnostics;
  };
  return {
    kindOf,
    parse: (document) => cache.get(document),
    validate: (document, settings = defaultSettings, trackerValues) => validate(document, settings, trackerValues),
    complete: (document, position, settings = defaultSettings) => complete(cache.get(document), position, settings.placeholders[0] ?? 'TODO'),
    hover: (document, position, settings = defaultSettings, trackerValues) =>
      hover(cache.get(document), position, validate(document, settings, trackerValues), trackerValues, settings.policy),
    codeActions: (document, context, settings = defaultSettings, trackerValues) =>
      codeActions(cache.get(document), context, validate(document, settings, trackerValues), settings.placeholders[0] ?? 'TODO'),
    fixAll: (document, settings = defaultSettings) =>
      fixAll(document, (version) => {
        const card = parseDocument(version, kindOf(version.uri));
        return { card, diagnostics: validateParsed(version, card, settings) };
      }),
    migrate: (document) => migrate(cache.get(document)),
    codeLenses: (document, settings = defaultSettings) => signOffLenses(cache.get(document), settings.policy),
    documentSymbols: (document) => documentSymbols(cache.get(document)),
    foldingRanges: (document, rangeLimit) => foldingRanges(cache.get(document), rangeLimit),
    selectionRanges: (document, positions) => selectionRanges(cache.get(document), positions),
    render: (document, audience, settings = defaultSettings, graphicSource) => ({
      ...renderForAudience(cache.get(document), validate(document, settings), audience, settings, graphicSource),
      version: document.version,
    }),
    renderMarkdown: (document, audience, settings = defaultSettings, graphicSource) =>
      markdownForAudience(cache.get(document), validate(document, settings), audience, settings, graphicSource),
    diagramMermaid: (document) => {
      const card = cache.get(document);
      const graph = card.kind.diagram?.graph(card);
      return graph && mermaidFlowchart(graph);
    },
    summarize: (document) => cardSummary(cache.get(document)),
    documentSummary: (document, settings = defaultSettings) => documentSummary(cache.get(document), validate(document, settings)),
    links: (document) => {
      const card = cache.get(document);
      return card.kind.links(card);
    },
    indexEntry: (document, settings = defaultSettings) => indexEntry(cache.get(document), validate(document, settings)),
    exportData: (document, settings = defaultSettings) => exportData(cache.get(document), validate(document, settings)),
    governanceEdits: (document, change) => governanceEdits(cache.get(document), change),
    fillFromRun: (document, input) => fillFromRun(cache.get(document), input),
    forget: (uri) => cache.forget(uri),
    get parseCount() {
      return cache.parseCount;
    },
  };
}
