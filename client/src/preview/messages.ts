// What the preview (client/src/preview/) and its page (client/preview-src/) say to each other.

import type { Audience } from '../../../server/src/protocol';

/** The id of the page element whose `data-state` gives the page its initial state. */
export const stateElementId = 'modelcard-preview-data';

/** What the page keeps with `vscode.setState`, for the preview to be restored after a reload. */
export interface PreviewState {
  /** The card, as a URI string. */
  uri: string;
  /** The card line at the top of the page. */
  line: number;
  locked: boolean;
  /** The audience picked in the page's toolbar; absent, the `modelcard.preview.audience` setting decides. */
  audience?: Audience;
}

/** From the extension to the page. */
export type ToPage =
  /** The card rendered again: the page patches its DOM to the new body, keeping its scroll position. */
  | { type: 'update'; html: string }
  /** The editor scrolled: bring this card line (fractional) to the top. */
  | { type: 'scrollToLine'; line: number }
  | { type: 'setLocked'; locked: boolean }
  /** The document shown is for this audience: the toolbar marks it. */
  | { type: 'setAudience'; audience: Audience };

/** From the page to the extension. */
export type FromPage =
  /** The page has loaded and listens. */
  | { type: 'ready' }
  /** The user scrolled the page: this card line (fractional) is at its top. */
  | { type: 'revealLine'; line: number }
  /** The user clicked a finding or double-clicked a part of the card: show its line in the editor. */
  | { type: 'showLine'; line: number }
  /** The user picked an audience in the toolbar: render the card's document for it. */
  | { type: 'chooseAudience'; audience: Audience };
