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
} from "vscode-languageserver-types";
import type { TextDocument } from "vscode-languageserver-textdocument";
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
} from "../protocol";
import { CardCache } from "./parsing/cardCache";
import type { TrackerValues } from "./trackers/boundValues";
import type { ParsedCard } from "./parsing/parsedCard";
import { documentKind, parseDocument } from "./documentKind";
import { validateCardSteps, validateReadme } from "./diagnostics/validate";
import { readmeParts } from "./formats/huggingFace/frontMatter";
import { complete } from "./features/completion";
import { hover } from "./features/hover";
import { codeActions } from "./features/codeActions";
import { fixAll, type FixAllResult } from "./features/fixAll";
import { migrate, type Migration } from "./edits/migrate";
import {
  documentSymbols,
  stillReadingNotice,
} from "./features/documentSymbols";
import { foldingRanges } from "./features/foldingRanges";
import { selectionRanges } from "./features/selectionRanges";
import { cardSummary } from "./features/cardSummary";
import { exportData } from "./features/exportData";
import { governanceEdits } from "./features/governanceEdits";
import { signOffLenses } from "./features/signOffLenses";
import { fillFromRun, type FillInput } from "./features/fillFromRun";
import { stillReadingCard, type GraphicSource } from "./render/renderCard";
import {
  markdownForAudience,
  renderForAudience,
} from "./render/audienceDocuments";
import {
  finish,
  Job,
  OutOfBudget,
  unlimited,
  type Budget,
  type Steps,
} from "./steps";
import { mermaidFlowchart } from "./render/diagram/mermaidFlowchart";
import type { DocumentKind, DocumentLink } from "./kinds/documentKind";
import { documentSummary } from "./kinds/documentSummary";
import { documentKinds, kindOfUri } from "./kinds/registry";
import { indexEntry } from "./workspace/indexEntry";
import type { IndexEntry } from "./workspace/workspaceIndex";

/** What the service answers about a version of a card, as requests ask it. */
export interface CardFeatures {
  complete(
    document: TextDocument,
    position: Position,
    settings?: ModelCardSettings,
  ): CompletionList;
  /** Hover guidance; on a bound result, what its run says (from `trackerValues`). */
  hover(
    document: TextDocument,
    position: Position,
    settings?: ModelCardSettings,
    trackerValues?: TrackerValues,
  ): Hover | null;
  /** Quick fixes for the diagnostics in `context` (from their `data`), and "Add all missing recommended sections". */
  codeActions(
    document: TextDocument,
    context: CodeActionContext,
    settings?: ModelCardSettings,
    trackerValues?: TrackerValues,
  ): CodeAction[];
  /** The outline: sections and their entries (bounded; a last symbol says when it was cut). */
  documentSymbols(document: TextDocument): DocumentSymbol[];
  /** Folding ranges of sections, lists, mappings, block text and comment runs; at most `rangeLimit`. */
  foldingRanges(document: TextDocument, rangeLimit?: number): FoldingRange[];
  selectionRanges(
    document: TextDocument,
    positions: readonly Position[],
  ): SelectionRange[];
  /** The card as HTML for the preview: the document its audience reads (technical, with its findings; regulatory; summary). */
  render(
    document: TextDocument,
    audience: PreviewAudience,
    settings?: ModelCardSettings,
    graphicSource?: GraphicSource,
  ): RenderedCard;
  /** The card's name and review status (the status bar). */
  summarize(document: TextDocument): CardSummary;
  /** The card as plain data for export, with the number of errors it has under these settings. */
  exportData(document: TextDocument, settings?: ModelCardSettings): CardData;
  /** The edits that set the review status and/or append a review (Request Review, Record Approval). */
  governanceEdits(
    document: TextDocument,
    change: GovernanceChange,
  ): GovernanceEdits;
  /** The edits that fill the card from a tracker run (bound results, new results, hyperparameters, provenance). */
  fillFromRun(document: TextDocument, input: FillInput): FillOutcome;
  /** Code lenses above the card's sections: their sign-offs, what the policy asks, and Sign Off Section…. */
  codeLenses(document: TextDocument, settings?: ModelCardSettings): CodeLens[];
  /** The document's diagram (a system card's components and data flow) as Mermaid flowchart source; undefined when its kind has none or it is empty. */
  diagramMermaid(document: TextDocument): string | undefined;
}

/**
 * The model-card language service: pure functions over parsed cards, datasheets and system cards
 * (each document's kind comes from its file name), with no LSP connection and no VS Code. The LSP
 * server, the CLI and the tests all use it.
 */
export interface LanguageService extends CardFeatures {
  /** The kind of the document at `uri` (by its file name; a model card when the name says nothing). */
  kindOf(uri: string): DocumentKind;
  /** The parse of this version of the document (cached: one parse per version). */
  parse(document: TextDocument): ParsedCard;
  /** `parse` in steps, for a server to run between requests. */
  parseSteps(document: TextDocument): Steps<ParsedCard>;
  /**
   * Diagnostics of this version with these settings (computed once, then reused by hover and code
   * actions). With `trackerValues`, the values the caller read from the bound runs, bound results are verified.
   * A README.md (see documentKind) gets the Hub's metadata checks instead.
   */
  validate(
    document: TextDocument,
    settings?: ModelCardSettings,
    trackerValues?: TrackerValues,
  ): Diagnostic[];
  /** `validate` in steps, for a server to run between requests, and to drop when a newer version arrives. */
  validateSteps(
    document: TextDocument,
    settings?: ModelCardSettings,
    trackerValues?: TrackerValues,
  ): Steps<Diagnostic[]>;
  /**
   * The features, answering within `budget`: when the parse (or validation) of a large card is not
   * done in time, the work done is kept for the next request, and the feature answers with what
   * it has: no completions (incomplete), no hover, no fixes, an outline that says the card is still
   * being read, no folding, the whole document as the selection, a rendering marked incomplete, an
   * empty summary. Export, governance edits and fills, which need the whole card, throw OutOfBudget.
   */
  within(budget: Budget): CardFeatures;
  /** The card with every safe fix applied (`lint --fix`), pass after pass; the intermediate versions are not cached. */
  fixAll(document: TextDocument, settings?: ModelCardSettings): FixAllResult;
  /** The edits that bring the card to the current format version (`modelcard migrate`). */
  migrate(document: TextDocument): Migration;
  /** The card as Markdown: the document its audience reads, as the preview shows it (`modelcard render --format md`). */
  renderMarkdown(
    document: TextDocument,
    audience: PreviewAudience,
    settings?: ModelCardSettings,
    graphicSource?: GraphicSource,
  ): string;
  /**
   * What a workspace index keeps of the document: its kind, name, status, first owner and the
   * numbers of errors and warnings under these settings.
   */
  documentSummary(
    document: TextDocument,
    settings?: ModelCardSettings,
  ): DocumentSummary;
  /** The other documents it links to by relative path (a system card's components, a card's datasheets). */
  links(document: TextDocument): DocumentLink[];
  /** What the workspace index keeps of this version of the document: its summary (findings counted under `settings`) and links. */
  indexEntry(document: TextDocument, settings?: ModelCardSettings): IndexEntry;
  /** Drops what the service keeps for a closed document. */
  forget(uri: string): void;
  /** Parses started so far (to check that requests reuse the cache). */
  readonly parseCount: number;
}

/** What a README.md is checked with besides its metadata block: whether it has one. */
interface Readme {
  hasMetadata: boolean;
}

/** The README facts of this version of a document, if it is a README.md (see documentKind). */
function readmeOf(document: TextDocument): Readme | undefined {
  return documentKind(document.uri) === "hubReadme"
    ? { hasMetadata: readmeParts(document.getText()).yaml !== undefined }
    : undefined;
}

/** The card rules for a card, in steps; the Hub's metadata rules (a single step) for a README.md, its metadata block parsed. */
function* validateParsedSteps(
  card: ParsedCard,
  readme: Readme | undefined,
  settings: ModelCardSettings,
  trackerValues?: TrackerValues,
): Steps<Diagnostic[]> {
  if (!readme) return yield* validateCardSteps(card, settings, trackerValues);
  yield;
  return validateReadme(card, readme.hasMetadata, settings);
}

export interface LanguageServiceOptions {
  /** The kinds of document it reads; the first is the kind of a file whose name matches none. By default the registry's. */
  kinds?: readonly DocumentKind[];
}

export function createLanguageService({
  kinds = documentKinds,
}: LanguageServiceOptions = {}): LanguageService {
  const kindOf = (uri: string) => kindOfUri(uri, kinds);
  const cache = new CardCache(kindOf);
  /** The validation of each parse, under the settings and tracker values it was asked with last. */
  const validations = new WeakMap<
    ParsedCard,
    {
      settings: ModelCardSettings;
      trackerValues?: TrackerValues;
      job: Job<Diagnostic[]>;
    }
  >();
  /** The validation of `card`; `readme`, for a README.md, read from the same version. */
  const validationOf = (
    card: ParsedCard,
    readme: Readme | undefined,
    settings: ModelCardSettings,
    trackerValues?: TrackerValues,
  ): Job<Diagnostic[]> => {
    let known = validations.get(card);
    if (known?.settings !== settings || known.trackerValues !== trackerValues) {
      known = {
        settings,
        trackerValues,
        job: new Job(
          validateParsedSteps(card, readme, settings, trackerValues),
        ),
      };
      validations.set(card, known);
    }
    return known.job;
  };
  const validateSteps = (
    document: TextDocument,
    settings: ModelCardSettings,
    trackerValues?: TrackerValues,
  ): Steps<Diagnostic[]> => {
    // The parse and the README facts are looked up now: the steps run later, when the document may have changed.
    const parseSteps = cache.steps(document);
    const readme = readmeOf(document);
    return (function* () {
      const card = yield* parseSteps;
      return yield* validationOf(card, readme, settings, trackerValues).steps();
    })();
  };
  const features = (budget: Budget): CardFeatures => {
    const parsed = (document: TextDocument) => cache.within(document, budget);
    const diagnosticsOf = (
      document: TextDocument,
      card: ParsedCard,
      settings: ModelCardSettings,
      trackerValues?: TrackerValues,
    ) =>
      validationOf(card, readmeOf(document), settings, trackerValues).runWithin(
        budget,
      );
    const placeholderOf = (settings: ModelCardSettings) =>
      settings.placeholders[0] ?? "TODO";
    /** The parse, or OutOfBudget for a request that has no answer without the whole card. */
    const wholeCard = (document: TextDocument) =>
      parsed(document) ?? outOfBudget();
    return {
      complete: (document, position, settings = defaultSettings) => {
        const card = parsed(document);
        return card
          ? complete(card, position, placeholderOf(settings))
          : { isIncomplete: true, items: [] };
      },
      hover: (
        document,
        position,
        settings = defaultSettings,
        trackerValues,
      ) => {
        const card = parsed(document);
        return card
          ? hover(
              card,
              position,
              diagnosticsOf(document, card, settings, trackerValues) ?? [],
              trackerValues,
              settings.policy,
            )
          : null;
      },
      codeActions: (
        document,
        context,
        settings = defaultSettings,
        trackerValues,
      ) => {
        const card = parsed(document);
        return card
          ? codeActions(
              card,
              context,
              diagnosticsOf(document, card, settings, trackerValues) ?? [],
              placeholderOf(settings),
            )
          : [];
      },
      documentSymbols: (document) => {
        const card = parsed(document);
        return card ? documentSymbols(card) : [stillReadingNotice()];
      },
      codeLenses: (document, settings = defaultSettings) => {
        const card = parsed(document);
        return card ? signOffLenses(card, settings.policy) : [];
      },
      diagramMermaid: (document) => diagramOf(wholeCard(document)),
      foldingRanges: (document, rangeLimit) => {
        const card = parsed(document);
        return card ? foldingRanges(card, rangeLimit) : [];
      },
      selectionRanges: (document, positions) => {
        const card = parsed(document);
        const whole = {
          start: { line: 0, character: 0 },
          end: document.positionAt(document.getText().length),
        };
        return card
          ? selectionRanges(card, positions)
          : positions.map(() => ({ range: whole }));
      },
      render: (
        document,
        audience,
        settings = defaultSettings,
        graphicSource,
      ) => {
        const card = parsed(document);
        const diagnostics = card && diagnosticsOf(document, card, settings);
        const rendered = card
          ? renderForAudience(
              card,
              diagnostics ?? [],
              audience,
              settings,
              graphicSource,
              budget,
            )
          : stillReadingCard();
        return {
          ...rendered,
          ...(card && diagnostics ? {} : { incomplete: true }),
          version: document.version,
        };
      },
      summarize: (document) => {
        const card = parsed(document);
        return card ? cardSummary(card) : {};
      },
      exportData: (document, settings = defaultSettings) => {
        const card = wholeCard(document);
        return exportData(
          card,
          diagnosticsOf(document, card, settings) ?? outOfBudget(),
        );
      },
      governanceEdits: (document, change) =>
        governanceEdits(wholeCard(document), change),
      fillFromRun: (document, input) => fillFromRun(wholeCard(document), input),
    };
  };
  const validate = (
    document: TextDocument,
    settings: ModelCardSettings,
    trackerValues?: TrackerValues,
  ) => finish(validateSteps(document, settings, trackerValues));
  return {
    ...features(unlimited),
    kindOf,
    parse: (document) => cache.get(document),
    parseSteps: (document) => cache.steps(document),
    validate: (document, settings = defaultSettings, trackerValues) =>
      validate(document, settings, trackerValues),
    validateSteps: (document, settings = defaultSettings, trackerValues) =>
      validateSteps(document, settings, trackerValues),
    within: features,
    fixAll: (document, settings = defaultSettings) =>
      fixAll(document, (version) => {
        const card = parseDocument(version, kindOf(version.uri));
        return {
          card,
          diagnostics: finish(
            validateParsedSteps(card, readmeOf(version), settings),
          ),
        };
      }),
    migrate: (document) => migrate(cache.get(document)),
    renderMarkdown: (
      document,
      audience,
      settings = defaultSettings,
      graphicSource,
    ) =>
      markdownForAudience(
        cache.get(document),
        validate(document, settings),
        audience,
        settings,
        graphicSource,
      ),
    documentSummary: (document, settings = defaultSettings) =>
      documentSummary(cache.get(document), validate(document, settings)),
    links: (document) => {
      const card = cache.get(document);
      return card.kind.links(card);
    },
    indexEntry: (document, settings = defaultSettings) =>
      indexEntry(cache.get(document), validate(document, settings)),
    forget: (uri) => cache.forget(uri),
    get parseCount() {
      return cache.parseCount;
    },
  };
}

function outOfBudget(): never {
  throw new OutOfBudget();
}

/** The document's diagram as Mermaid source, when its kind draws one and it has something to draw. */
function diagramOf(card: ParsedCard): string | undefined {
  const graph = card.kind.diagram?.graph(card);
  return graph && mermaidFlowchart(graph);
}
