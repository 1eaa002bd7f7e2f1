import * as vscode from 'vscode';
import type { SignOffRequest } from '../../../server/src/protocol';
import { isoDate } from '../../../server/src/service/text/calendar';
import { signOffActionTitle } from '../../../server/src/service/features/signOffLenses';
import { cardForCommand, isKindDocument } from '../activeCard';
import type { Ctx } from '../ctx';
import { applyGovernanceChange } from '../governance/applyGovernanceChange';

/** Where the signer's name and role are remembered between sign-offs (they sign as themselves). */
const lastSignerKey = 'modelcard.lastSigner';

/**
 * Sign Off Section…: asks for the section (unless a code lens gave it), the signer's role and name
 * and an optional comment, and appends the sign-off, with the digest the server computes of the
 * section as it stands, to `governance.sign_offs` as one undoable edit. The date is today.
 */
export function signOffSection(ctx: Ctx): (uri?: string, section?: string) => Promise<void> {
  return async (uri, section) => {
    const card = typeof uri === 'string' ? await cardAt(uri) : cardForCommand();
    if (!card) return;
    const chosen = section ?? (await askSection(card));
    if (!chosen) return;
    const signOff = await askSigner(ctx, chosen);
    if (!signOff) return;
    if (await applyGovernanceChange(ctx, card, { signOff })) {
      await ctx.extensionContext.globalState.update(lastSignerKey, { name: signOff.name, role: signOff.role });
    }
  };
}

async function cardAt(uri: string): Promise<vscode.TextDocument | undefined> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  return isKindDocument(document) ? document : undefined;
}

/** The sections the server offers to sign (its code lenses), with their sign-offs as the description. */
async function askSection(card: vscode.TextDocument): Promise<string | undefined> {
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', card.uri)) ?? [];
  const bySection = new Map<string, string[]>();
  for (const lens of lenses) {
    const section = lens.command?.arguments?.[1];
    if (typeof section !== 'string') continue;
    const states = bySection.get(section) ?? [];
    if (lens.command!.title !== signOffActionTitle) states.push(lens.command!.title);
    bySection.set(section, states);
  }
  if (bySection.size === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This card has no section to sign off yet.'));
    return undefined;
  }
  const items = [...bySection].map(([section, states]) => ({ label: section, description: states.join(' · ') }));
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Sign Off Section'), placeHolder: vscode.l10n.t('The section you sign off') }))?.label;
}

async function askSigner(ctx: Ctx, section: string): Promise<SignOffRequest | undefined> {
  const title = vscode.l10n.t('Sign Off {0}', section);
  const last = ctx.extensionContext.globalState.get<{ name?: string; role?: string }>(lastSignerKey) ?? {};
  const required = (what: string) => (value: string) => (value.trim() === '' ? what : undefined);
  const role = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Your role, as the policy names it'),
    placeHolder: vscode.l10n.t('e.g. clinician, data science, compliance'),
    value: last.role,
    validateInput: required(vscode.l10n.t('Type your role.')),
  });
  if (role === undefined) return undefined;
  const name = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('Your name'), value: last.name, validateInput: required(vscode.l10n.t('Type your name.')) });
  if (name === undefined) return undefined;
  const comment = await vscode.window.showInputBox({ title, prompt: vscode.l10n.t('A comment (optional)'), placeHolder: vscode.l10n.t('e.g. the scope or a condition of your sign-off') });
  if (comment === undefined) return undefined;
  return { section, role: role.trim(), name: name.trim(), date: isoDate(new Date()), ...(comment.trim() ? { comment: comment.trim() } : {}) };
}
