import type {
  CodeAction,
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
  type GovernanceChange,
  type GovernanceEdits,
  type ModelCardSettings,
  type PreviewAudience,
  type RenderedCard,
} from '../protocol';
import { CardCache } from './parsing/cardCache';
import type { ParsedCard } from './parsing/parsedCard';
import { validateCardSteps } from './diagnostics/validate';
import { complete } from './features/completion';
import { hover } from './features/hover';
import { codeActions } from './features/codeActions';
import { documentSymbols, stillReadingNotice } from './features/documentSymbols';
import { foldingRanges } from './features/foldingRanges';
import { selectionRanges } from './features/selectionRanges';
import { cardSummary } from './features/cardSummary';
import { exportData } from './features/exportData';
import { governanceEdits } from './features/governanceEdits';
import { renderCard, stillReadingCard } from './render/renderCard';
import { finish, Job, OutOfBudget, unlimited, type Budget, type Steps } from './steps';

/** What the service answers about a version of a card. */
export interface CardFeatures {
  complete(document: TextDocument, position: Position, settings?: ModelCardSettings): CompletionList;
  hover(document: TextDocument, position: Position, settings?: ModelCardSettings): Hover | null;
  /** Quick fixes for the diagnostics in `context` (from their `data`), and "Add all missing recommended sections". */
  codeActions(document: TextDocument, context: CodeActionContext, settings?: ModelCardSettings): CodeAction[];
  /** The outline: sections and their entries (bounded; a last symbol says when it was cut). */
  documentSymbols(document: TextDocument): DocumentSymbol[];
  /** Folding ranges of sections, lists, mappings, block text and comment runs; at most `rangeLimit`. */
  foldingRanges(document: TextDocument, rangeLimit?: number): FoldingRange[];
  selectionRanges(document: TextDocument, positions: readonly Position[]): SelectionRange[];
  /** The card as HTML for the preview, with its findings beside the sections they concern. */
  render(document: TextDocument, audience: PreviewAudience, settings?: ModelCardSettings): RenderedCard;
  /** The card's name and review status (the status bar). */
  summarize(document: TextDocument): CardSummary;
  /** The card as plain data for export, with the number of errors it has under these settings. */
  exportData(document: TextDocument, settings?: ModelCardSettings): CardData;
  /** The edits that set the review status and/or append a review (Request Review, Record Approval). */
  governanceEdits(document: TextDocument, change: GovernanceChange): GovernanceEdits;
}

/**
 * The model-card language service: pure functions over parsed cards, with no LSP connection and
 * no VS Code. The LSP server, the CLI and the tests all use it.
 */
export interface LanguageService extends CardFeatures {
  /** The parse of this version of the document (cached: one parse per version). */
  parse(document: TextDocument): ParsedCard;
  /** Diagnostics of this version with these settings (computed once, then reused by hover and code actions). */
  validate(document: TextDocument, settings?: ModelCardSettings): Diagnostic[];
  /** `validate` in steps, for a server to run between requests, and to drop when a newer version arrives. */
  validateSteps(document: TextDocument, settings?: ModelCardSettings): Steps<Diagnostic[]>;
  /**
   * The features, answering within `budget`: when the parse (or validation) of a large card is not
   * done in time, the work done is kept for the next request, and the feature answers with what
   * it has: no completions (incomplete), no hover, no fixes, an outline that says the card is still
   * being read, no folding, the whole document as the selection, a rendering marked incomplete, an
   * empty summary. Export and governance edits, which need the whole card, throw OutOfBudget.
   */
  within(budget: Budget): CardFeatures;
  /** Drops what the service keeps for a closed document. */
  forget(uri: string): void;
  /** Parses started so far (to check that requests reuse the cache). */
  readonly parseCount: number;
}

export function createLanguageService(): LanguageService {
  const cache = new CardCache();
  const validations = new WeakMap<ParsedCard, { settings: ModelCardSettings; job: Job<Diagnostic[]> }>();
  const validationOf = (card: ParsedCard, settings: ModelCardSettings): Job<Diagnostic[]> => {
    let known = validations.get(card);
    if (known?.settings !== settings) {
      known = { settings, job: new Job(validateCardSteps(card, settings)) };
      validations.set(card, known);
    }
    return known.job;
  };
  const features = (budget: Budget): CardFeatures => {
    const parsed = (document: TextDocument) => cache.within(document, budget);
    const diagnosticsOf = (card: ParsedCard, settings: ModelCardSettings) => validationOf(card, settings).runWithin(budget);
    const placeholderOf = (settings: ModelCardSettings) => settings.placeholders[0] ?? 'TODO';
    return {
      complete: (document, position, settings = defaultSettings) => {
        const card = parsed(document);
        return card ? complete(card, position, placeholderOf(settings)) : { isIncomplete: true, items: [] };
      },
      hover: (document, position, settings = defaultSettings) => {
        const card = parsed(document);
        return card ? hover(card, position, diagnosticsOf(card, settings) ?? []) : null;
      },
      codeActions: (document, context, settings = defaultSettings) => {
        const card = parsed(document);
        return card ? codeActions(card, context, diagnosticsOf(card, settings) ?? [], placeholderOf(settings)) : [];
      },
      documentSymbols: (document) => {
        const card = parsed(document);
        return card ? documentSymbols(card) : [stillReadingNotice()];
      },
      foldingRanges: (document, rangeLimit) => {
        const card = parsed(document);
        return card ? foldingRanges(card, rangeLimit) : [];
      },
      selectionRanges: (document, positions) => {
        const card = parsed(document);
        const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
        return card ? selectionRanges(card, positions) : positions.map(() => ({ range: whole }));
      },
      render: (document, audience, settings = defaultSettings) => {
        const card = parsed(document);
        const diagnostics = card && diagnosticsOf(card, settings);
        const rendered = card ? renderCard(card, diagnostics ?? [], audience, settings.placeholders, budget) : stillReadingCard();
        return { ...rendered, ...(card && diagnostics ? {} : { incomplete: true }), version: document.version };
      },
      summarize: (document) => {
        const card = parsed(document);
        return card ? cardSummary(card) : {};
      },
      exportData: (document, settings = defaultSettings) => {
        const card = parsed(document);
        const diagnostics = card && diagnosticsOf(card, settings);
        if (!card || !diagnostics) throw new OutOfBudget();
        return exportData(card, diagnostics);
      },
      governanceEdits: (document, change) => {
        const card = parsed(document);
        if (!card) throw new OutOfBudget();
        return governanceEdits(card, change);
      },
    };
  };
  const validateSteps = (document: TextDocument, settings: ModelCardSettings): Steps<Diagnostic[]> => {
    // The parse is looked up now: the steps run later, when the document may have changed.
    const parseSteps = cache.steps(document);
    return (function* () {
      const card = yield* parseSteps;
      return yield* validationOf(card, settings).steps();
    })();
  };
  return {
    ...features(unlimited),
    parse: (document) => cache.get(document),
    validate: (document, settings = defaultSettings) => finish(validateSteps(document, settings)),
    validateSteps: (document, settings = defaultSettings) => validateSteps(document, settings),
    within: features,
    forget: (uri) => cache.forget(uri),
    get parseCount() {
      return cache.parseCount;
    },
  };
}
