import type { PreviewManager } from '../previewManager';

/** Show Source: the focused preview's card in an editor, at the line the preview shows. */
export function showSource(manager: PreviewManager): () => Promise<void> {
  return () => manager.showSource();
}
