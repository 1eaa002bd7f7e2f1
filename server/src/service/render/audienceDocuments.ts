import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { documentFor, type ModelCardSettings, type PreviewAudience, type RenderedCard } from '../../protocol';
import { governanceStatus } from '../card/cardData';
import { isRecord } from '../card/values';
import type { ParsedCard } from '../parsing/parsedCard';
import { completeness } from './completeness';
import { blocksToHtml, blocksToMarkdown, type Block } from './documentBlocks';
import { regulatoryDocument } from './regulatoryDocument';
import { renderCard, untitled, type GraphicSource } from './renderCard';
import { renderMarkdown } from './renderMarkdown';
import { summaryDocument } from './summaryDocument';

/**
 * The card as the document its audience reads, in HTML (the preview, `render --format html`):
 * technical (everything, with findings; reviewers get governance first), regulatory (by the EU AI
 * Act's Annex IV) or summary (one page in plain language). Earlier audience names map to these.
 */
export function renderForAudience(card: ParsedCard, diagnostics: readonly Diagnostic[], audience: PreviewAudience, settings: ModelCardSettings, graphicSource?: GraphicSource): RenderedCard {
  const document = documentFor(audience);
  if (document === 'technical') return renderCard(card, diagnostics, audience, settings, graphicSource);
  const value = isRecord(card.value) ? card.value : {};
  return {
    title: typeof value.name === 'string' ? value.name : untitled(card),
    html: `<article class="audience-${document}">${blocksToHtml(audienceBlocks(card, document, settings))}</article>`,
    status: governanceStatus(card),
    completeness: completeness(card, settings.placeholders).score,
    errors: diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length,
    warnings: diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Warning).length,
    audience: document,
  };
}

/** The same document as Markdown (`render --format md`). */
export function markdownForAudience(card: ParsedCard, diagnostics: readonly Diagnostic[], audience: PreviewAudience, settings: ModelCardSettings, graphicSource?: GraphicSource): string {
  const document = documentFor(audience);
  return document === 'technical' ? renderMarkdown(card, diagnostics, audience, settings, graphicSource) : blocksToMarkdown(audienceBlocks(card, document, settings));
}

function audienceBlocks(card: ParsedCard, document: 'regulatory' | 'summary', settings: ModelCardSettings): Block[] {
  return document === 'regulatory' ? regulatoryDocument(card, settings) : summaryDocument(card, settings);
}
