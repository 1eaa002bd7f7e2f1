import { audiences, type Audience } from '../../../server/src/protocol';
import { escapeHtml } from '../../../server/src/service/render/escapeHtml';
import { contentSecurityPolicy } from './contentSecurityPolicy';
import { stateElementId, type PreviewState } from './messages';

export interface PreviewPage {
  /** `webview.cspSource`. */
  cspSource: string;
  /** Fresh for each page. */
  nonce: string;
  /** dist/preview.js and media/preview.css, as webview URIs. */
  scriptUri: string;
  styleUri: string;
  title: string;
  state: PreviewState;
  /** The rendered card (escaped, sanitized HTML from the server), or a message page's body. */
  body: string;
  /** The audience the body is for: its toolbar button is pressed. */
  audience: Audience;
}

const audienceLabels: Record<Audience, [label: string, title: string]> = {
  technical: ['Technical', 'Everything, with the findings: for engineers'],
  regulatory: ['Regulatory', 'By the points of the EU AI Act Annex IV, with what is missing: for auditors'],
  summary: ['Summary', 'One page in plain language: for the people who use the model'],
};

/** The toolbar that switches the document between the audiences (the page script posts the choice). */
export function audienceToolbar(current: Audience): string {
  const buttons = audiences.map((audience) => {
    const [label, title] = audienceLabels[audience];
    return `<button type="button" data-audience="${audience}" aria-pressed="${audience === current}" title="${escapeHtml(title)}">${escapeHtml(label)}</button>`;
  });
  return `<nav class="audience-toolbar" aria-label="Audience">${buttons.join('')}</nav>`;
}

/**
 * The whole page of the preview. Values from the workspace (title, state) go in as escaped
 * attribute or text values, never into script; the one script is the bundled page script, with the nonce.
 */
export function previewPageHtml(page: PreviewPage): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(page.cspSource, page.nonce))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<meta id="${stateElementId}" data-state="${escapeHtml(JSON.stringify(page.state))}">`,
    `<link rel="stylesheet" href="${escapeHtml(page.styleUri)}">`,
    `<title>${escapeHtml(page.title)}</title>`,
    '</head>',
    '<body>',
    audienceToolbar(page.audience),
    `<main id="card">${page.body}</main>`,
    `<script nonce="${escapeHtml(page.nonce)}" src="${escapeHtml(page.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** The body of a page that shows a message instead of the card (before the first rendering, or when rendering fails). */
export function messageBody(message: string): string {
  return `<p class="preview-message">${escapeHtml(message)}</p>`;
}
