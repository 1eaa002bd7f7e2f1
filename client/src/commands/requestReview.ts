import * as vscode from 'vscode';
import { cardForCommand } from '../activeCard';
import type { Ctx } from '../ctx';
import { applyGovernanceChange } from '../governance/applyGovernanceChange';

/** Request Review: sets the active card's `governance.status` to `in_review` (creating `governance` if needed). */
export function requestReview(ctx: Ctx): () => Promise<void> {
  return async () => {
    const card = cardForCommand();
    if (!card) return;
    if (await applyGovernanceChange(ctx, card, { status: 'in_review' })) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The card is in review. Reviewers record their decision with Model Card: Record Approval.'));
    }
  };
}
