import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocumentSteps } from '../documentKind';
import type { DocumentKind } from '../kinds/documentKind';
import type { ParsedCard } from './parsedCard';
import { Job, unlimited, type Budget, type Steps } from '../steps';

/** The parse of one version of a card: done, or under way. */
interface Parse {
  version: number;
  text: string;
  job: Job<ParsedCard>;
  /** The parse whose chunks this one reuses: until this one is done, the next one reuses them instead. */
  earlier?: ParsedCard;
}

/**
 * Keeps the parse of the latest version of each open card (of a README.md, its metadata block),
 * so validation, completion, hover and every other request on that version share one parse. The
 * parse of a new version reuses the chunks of the latest one, and runs in steps: when a caller's budget is spent, the work done is
 * kept and the next caller goes on from there. A request about an older version (answered after
 * newer edits arrived) gets a parse of its own, and the latest one stays.
 */
export class CardCache {
  private readonly parses = new Map<string, Parse>();
  /** How many parses this cache has started; tests use it to prove requests reuse the parse. */
  parseCount = 0;

  /** `kindOf` tells each document's kind from its URI. */
  constructor(private readonly kindOf: (uri: string) => DocumentKind) {}

  get(document: TextDocument): ParsedCard {
    return this.within(document, unlimited)!;
  }

  /** The parse of this version, if it can be finished within the budget; undefined otherwise. */
  within(document: TextDocument, budget: Budget): ParsedCard | undefined {
    return this.parseOf(document).job.runWithin(budget);
  }

  /** The parse of this version, in steps. */
  steps(document: TextDocument): Steps<ParsedCard> {
    return this.parseOf(document).job.steps();
  }

  forget(uri: string): void {
    this.parses.delete(uri);
  }

  private parseOf(document: TextDocument): Parse {
    const text = document.getText();
    const latest = this.parses.get(document.uri);
    if (latest && latest.version === document.version && latest.text === text) return latest;
    const isNewer = !latest || latest.version <= document.version;
    const earlier = isNewer ? (latest?.job.runWithin(spent) ?? latest?.earlier) : undefined;
    // The steps run later: they must not read the document, which the LSP server updates in place.
    const version = { uri: document.uri, languageId: document.languageId, version: document.version };
    const parse: Parse = { version: document.version, text, job: new Job(parseDocumentSteps(text, version, this.kindOf(document.uri), earlier), () => (parse.earlier = undefined)), earlier };
    this.parseCount++;
    if (isNewer) this.parses.set(document.uri, parse);
    return parse;
  }
}

/** A budget already spent: asks a job for its result without running it. */
const spent: Budget = { isSpent: () => true };
