import previewCss from '../../../../media/preview.css';
import type { RenderedCard } from '../../protocol';
import { escapeHtml } from './escapeHtml';
import pageCss from './htmlPage.css';

/**
 * A rendered card (datasheet, system card) as a standalone HTML page, titled with its name and kind ("Model card"): the preview's body and stylesheet with a palette of
 * its own (light, dark, print). Self-contained: inline CSS and SVG, no script, and a Content
 * Security Policy that forbids loading anything, so that opening the page makes no request.
 */
export function htmlPage(rendered: RenderedCard, kindLabel: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(rendered.title)} · ${escapeHtml(kindLabel)}</title>
<style>
${previewCss}
${pageCss}</style>
</head>
<body class="modelcard-page">
<main>
${rendered.html}
</main>
</body>
</html>
`;
}
