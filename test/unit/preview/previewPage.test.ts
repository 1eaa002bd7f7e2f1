import assert from 'node:assert/strict';
import { contentSecurityPolicy, createNonce } from '../../../client/src/preview/contentSecurityPolicy';
import { messageBody, previewPageHtml, type PreviewPage } from '../../../client/src/preview/previewPage';

const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';

function page(change: Partial<PreviewPage> = {}): PreviewPage {
  return {
    cspSource,
    nonce: 'bm9uY2Utb25l',
    scriptUri: `${cspSource}/ext/dist/preview.js`,
    styleUri: `${cspSource}/ext/media/preview.css`,
    title: 'Preview card.modelcard.yaml',
    state: { uri: 'file:///cards/card.modelcard.yaml', line: 12, locked: false },
    body: '<section id="limitations" class="code-line" data-line="3"><h2>Limitations</h2></section>',
    audience: 'technical',
    ...change,
  } as PreviewPage;
}

describe('the preview page', () => {
  it('has a strict Content Security Policy: nothing by default, the extension’s styles and images, only the script with the nonce', () => {
    assert.equal(
      contentSecurityPolicy(cspSource, 'abc123'),
      `default-src 'none'; img-src ${cspSource} data:; style-src ${cspSource} 'nonce-abc123'; script-src 'nonce-abc123'; form-action 'none'; base-uri 'none'`,
    );
  });

  it('gets a fresh nonce for each page, long enough not to be guessed, in base64', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    assert.equal(nonces.size, 100);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{24}$/);
  });

  it('puts the policy first in the head, loads the bundled script with the nonce and the stylesheet, and has no inline script or style', () => {
    const html = previewPageHtml(page());
    const head = html.slice(0, html.indexOf('</head>'));
    assert.equal(head.indexOf('<meta http-equiv="Content-Security-Policy"'), head.indexOf('<meta', head.indexOf('<meta charset') + 1));
    assert.ok(head.includes(`content="default-src &#39;none&#39;; img-src ${cspSource} data:; style-src ${cspSource} &#39;nonce-bm9uY2Utb25l&#39;; script-src &#39;nonce-bm9uY2Utb25l&#39;;`));
    assert.ok(head.includes(`<link rel="stylesheet" href="${cspSource}/ext/media/preview.css">`));
    assert.deepEqual(html.match(/<script[^>]*>/g), [`<script nonce="bm9uY2Utb25l" src="${cspSource}/ext/dist/preview.js">`]);
    assert.doesNotMatch(html, /<style|\sstyle=|\son\w+=/i);
    assert.ok(html.includes(`<main id="card">${page().body}</main>`));
  });

  it('passes the state and the title as escaped values, never as markup or script', () => {
    const hostile = 'file:///cards/"><script>alert(1)</script>.modelcard.yaml';
    const html = previewPageHtml(page({ title: 'Preview </title><script>alert(2)</script>', state: { uri: hostile, line: 0, locked: true } }));
    assert.equal(html.match(/<script/g)?.length, 1);
    const state = /<meta id="modelcard-preview-data" data-state="([^"]*)">/.exec(html)?.[1];
    assert.ok(state);
    const decoded = state.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    assert.deepEqual(JSON.parse(decoded), { uri: hostile, line: 0, locked: true });
    assert.ok(html.includes('<title>Preview &#60;/title&#62;&#60;script&#62;alert(2)&#60;/script&#62;</title>'));
  });

  it('has an audience toolbar above the card, with the shown audience pressed', () => {
    const html = previewPageHtml(page({ audience: 'regulatory' }));
    const toolbar = /<nav class="audience-toolbar" aria-label="Audience">(.*?)<\/nav>\n<main id="card">/.exec(html)?.[1] ?? '';
    assert.deepEqual(
      [...toolbar.matchAll(/<button type="button" data-audience="(\w+)" aria-pressed="(\w+)"[^>]*>(\w+)<\/button>/g)].map((match) => match.slice(1)),
      [['technical', 'false', 'Technical'], ['regulatory', 'true', 'Regulatory'], ['summary', 'false', 'Summary']],
    );
  });

  it('shows messages as text', () => {
    assert.equal(messageBody('Cannot open <img src=x onerror=alert(1)>'), '<p class="preview-message">Cannot open &#60;img src=x onerror=alert(1)&#62;</p>');
  });
});
