// The preview page's script (bundled to dist/preview.js). It only patches the DOM with new
// renderings, syncs scrolling with the editor and posts clicks; the card is rendered by the server.
import morphdom from 'morphdom';
import type { Audience } from '../../server/src/protocol';
import { stateElementId, type FromPage, type PreviewState, type ToPage } from '../src/preview/messages';
import { Throttle } from '../src/preview/throttle';
import { lineForPageOffset, pageOffsetForLine, scrollAnchors, type LineBlock } from './scrollMapping';

interface VsCodeApi {
  postMessage(message: FromPage): void;
  getState(): PreviewState | undefined;
  setState(state: PreviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const card = document.getElementById('card')!;
const pageState = JSON.parse(document.getElementById(stateElementId)?.dataset.state ?? '{}') as PreviewState;
// A page reloaded (the panel was hidden, or VS Code restarted) keeps the scroll position it saved.
const saved = vscode.getState();
let state: PreviewState = saved?.uri === pageState.uri ? { ...pageState, line: saved.line } : pageState;
vscode.setState(state);

let anchors: LineBlock[] | undefined;
/** Where the page scrolls to by itself (after a patch, or to follow the editor): that scroll event is not the user's. */
let ownScrollY: number | undefined;
let userScrolled = false;
const scrollSettled = new Throttle(onScrollSettled, 50);

window.addEventListener('message', ({ data }: MessageEvent<ToPage>) => {
  switch (data.type) {
    case 'update':
      patch(data.html);
      break;
    case 'scrollToLine':
      scrollToLine(data.line);
      break;
    case 'setLocked':
      saveState({ locked: data.locked });
      break;
    case 'setAudience':
      markAudience(data.audience);
      break;
  }
});
window.addEventListener('load', () => scrollToLine(state.line));
window.addEventListener('resize', () => (anchors = undefined));
window.addEventListener('scroll', () => {
  if (ownScrollY !== undefined && Math.abs(window.scrollY - ownScrollY) <= 1) {
    ownScrollY = undefined;
  } else {
    ownScrollY = undefined;
    userScrolled = true;
  }
  scrollSettled.trigger();
});
document.addEventListener('click', (event) => {
  const finding = (event.target as Element).closest<HTMLElement>('.finding[data-line]');
  if (finding) showLine(finding);
  const button = (event.target as Element).closest<HTMLButtonElement>('.audience-toolbar button[data-audience]');
  if (button && button.getAttribute('aria-pressed') !== 'true') {
    const audience = button.dataset.audience as Audience;
    markAudience(audience);
    saveState({ audience });
    vscode.postMessage({ type: 'chooseAudience', audience });
  }
});
document.addEventListener('dblclick', (event) => {
  const block = (event.target as Element).closest<HTMLElement>('[data-line]');
  if (block && !block.classList.contains('finding')) showLine(block);
});
vscode.postMessage({ type: 'ready' });

/** Patches the page to the new rendering; unchanged elements, and the scroll position, stay. */
function patch(html: string): void {
  const next = new DOMParser().parseFromString(`<main id="card">${html}</main>`, 'text/html').getElementById('card');
  if (!next) return;
  morphdom(card, next, { childrenOnly: true, onBeforeElUpdated: (from, to) => !from.isEqualNode(to) });
  anchors = undefined;
  ownScrollY = window.scrollY; // the browser moves the page if it got shorter
}

function scrollToLine(line: number): void {
  const offset = pageOffsetForLine(lineAnchors(), line);
  if (offset === undefined) return;
  const target = Math.round(Math.max(0, Math.min(offset, document.documentElement.scrollHeight - window.innerHeight)));
  saveState({ line });
  if (Math.abs(target - window.scrollY) < 1) return;
  ownScrollY = target;
  window.scrollTo(window.scrollX, target);
}

/** The scroll has settled for 50 ms: remember the line at the top; if the user scrolled, the editor follows. */
function onScrollSettled(): void {
  const line = lineForPageOffset(lineAnchors(), window.scrollY);
  if (line === undefined) return;
  saveState({ line });
  if (userScrolled) vscode.postMessage({ type: 'revealLine', line });
  userScrolled = false;
}

/** Presses the toolbar button of the audience the page shows. */
function markAudience(audience: Audience): void {
  document.querySelectorAll<HTMLButtonElement>('.audience-toolbar button[data-audience]').forEach((button) => {
    button.setAttribute('aria-pressed', String(button.dataset.audience === audience));
  });
}

function showLine(element: HTMLElement): void {
  const line = Number(element.dataset.line);
  if (Number.isInteger(line)) vscode.postMessage({ type: 'showLine', line });
}

function saveState(change: Partial<PreviewState>): void {
  state = { ...state, ...change };
  vscode.setState(state);
}

/** The scroll anchors of the page as laid out now (recomputed after a patch or a resize). */
function lineAnchors(): LineBlock[] {
  anchors ??= scrollAnchors(
    Array.from(document.querySelectorAll<HTMLElement>('.code-line[data-line]'), (element) => {
      // markdown-it stamps a fenced block's <code>; the block on the page is its <pre>.
      const block = element.tagName === 'CODE' && element.parentElement?.tagName === 'PRE' ? element.parentElement : element;
      return { line: Number(element.dataset.line), top: block.getBoundingClientRect().top + window.scrollY };
    }),
  );
  return anchors;
}
