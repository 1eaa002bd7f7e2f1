import type { PreviewManager } from '../previewManager';

/** Toggle Preview Locking: a locked preview keeps its card instead of following the active editor. */
export function toggleLock(manager: PreviewManager): () => void {
  return () => manager.toggleLock();
}
