import * as vscode from 'vscode';
import type { GovernanceChange, Review, ReviewDecision } from '../../../server/src/protocol';
import { cardForCommand } from '../activeCard';
import type { Ctx } from '../ctx';
import { applyGovernanceChange } from '../governance/applyGovernanceChange';
import { isCalendarDate, isoDate } from '../../../server/src/service/text/calendar';

/**
 * Record Approval: asks for the reviewer, their role, the decision and the date, and appends the
 * review to the active card's `governance.reviews`; an approval may also set the status to approved.
 */
export function recordApproval(ctx: Ctx): () => Promise<void> {
  return async () => {
    const card = cardForCommand();
    if (!card) return;
    const review = await askReview();
    if (!review) return;
    const change: GovernanceChange = { review };
    if (review.decision === 'approved') {
      const setStatus = await askToSetApproved();
      if (setStatus === undefined) return;
      if (setStatus) change.status = 'approved';
    }
    await applyGovernanceChange(ctx, card, change);
  };
}

async function askReview(): Promise<Review | undefined> {
  const title = vscode.l10n.t('Record Approval');
  const reviewer = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Who reviewed the card'),
    validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('Type the reviewer’s name.') : undefined),
  });
  if (reviewer === undefined) return undefined;
  const role = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('The reviewer’s role (optional)'), placeHolder: vscode.l10n.t('e.g. ML lead, compliance officer') });
  if (role === undefined) return undefined;
  const decision = await askDecision(title);
  if (!decision) return undefined;
  const date = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Date of the review (YYYY-MM-DD)'),
    value: isoDate(new Date()),
    validateInput: (value) => (isCalendarDate(value.trim()) ? undefined : vscode.l10n.t('Write the date as YYYY-MM-DD, e.g. {0}.', isoDate(new Date()))),
  });
  if (date === undefined) return undefined;
  return { reviewer: reviewer.trim(), ...(role.trim() ? { role: role.trim() } : {}), decision, date: date.trim() };
}

async function askDecision(title: string): Promise<ReviewDecision | undefined> {
  const decisions: (vscode.QuickPickItem & { decision: ReviewDecision })[] = [
    { label: '$(pass) approved', description: vscode.l10n.t('The card may be published'), decision: 'approved' },
    { label: '$(edit) changes_requested', description: vscode.l10n.t('The card needs changes before approval'), decision: 'changes_requested' },
    { label: '$(error) rejected', description: vscode.l10n.t('The model or the card is rejected'), decision: 'rejected' },
  ];
  return (await vscode.window.showQuickPick(decisions, { title, placeHolder: vscode.l10n.t('The reviewer’s decision') }))?.decision;
}

/** Whether to set the status to approved too; undefined when the user cancels. */
async function askToSetApproved(): Promise<boolean | undefined> {
  const choices = [
    { label: vscode.l10n.t('Set the status to approved'), approve: true },
    { label: vscode.l10n.t('Keep the current status'), approve: false },
  ];
  return (await vscode.window.showQuickPick(choices, { title: vscode.l10n.t('Record Approval'), placeHolder: vscode.l10n.t('The review approves the card') }))?.approve;
}
