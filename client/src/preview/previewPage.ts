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
