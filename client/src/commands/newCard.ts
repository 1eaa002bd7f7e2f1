import * as vscode from 'vscode';
import type { KindFiles } from '../../../server/src/service/kinds/documentKind';
import { kindFiles } from '../../../server/src/service/kinds/kindFiles';
import { candidateFileName, cardFileStem, fillTemplate, freeFileName, modelNameProblem, type ModelNameProblem } from '../../../server/src/service/templates/cardFile';
import { orgTemplatesRequest, type OrgTemplateList } from '../../../server/src/protocol';
import type { Ctx } from '../ctx';
import { exists } from '../files';
import { documentKindItems, kindTemplates, orgTemplateItems, type CardTemplate, type TemplatePickItem } from '../newCard/templates';

/** The preview registers this command (client/src/preview/); the new document opens in it when it exists. */
const previewToSideCommand = 'modelcard.showPreviewToSide';

/**
 * What the command may be given instead of asking (by a keybinding's `args`, a command link,
 * another extension or a test); it asks for the rest.
 */
export interface NewCardArguments {
  /** The kind's id: `modelCard`, `datasheet`, `systemCard`. A template given alone is a model card's. */
  kind?: string;
  /**
   * A template's id (the kind's: `minimal`, `standard`, `hugging-face`... for model cards; `standard`,
   * `rag` for system cards), or `org:<file stem>` for one of the organisation's.
   */
  template?: string;
  name?: string;
  folder?: vscode.Uri;
}

/**
 * New Model Card, Datasheet or System Card…: a kind, a template, a name and a folder (the one it
 * was invoked on in the explorer, if any), then a new `<name>.modelcard.yaml` (`.datasheet.yaml`,
 * `.systemcard.yaml`) that never replaces a file. The organisation's templates offered beside the
 * built-in ones are those of the policy for the folder it was invoked on, else for the active
 * editor's workspace folder, else the first workspace folder (the folder is asked last).
 */
export function newCard(ctx: Ctx): (target?: vscode.Uri | NewCardArguments) => Promise<void> {
  return async (target) => {
    const given: NewCardArguments = target instanceof vscode.Uri ? { folder: await folderOf(target) } : (target ?? {});
    const orgTemplates = orgTemplatesFor(ctx, given.folder ?? workspaceFolders()[0]?.uri);
    const kind = given.kind !== undefined ? kindWithId(given.kind) : given.template !== undefined ? kindFiles[0] : await pickKind();
    if (!kind) return;
    const template = given.template !== undefined ? templateWithId(kind, given.template, await orgTemplates) : await pickTemplate(kind, await orgTemplates);
    if (!template) return;
    const name = given.name !== undefined ? givenModelName(given.name) : await askModelName(kind);
    if (name === undefined) return;
    const folder = given.folder ?? (await chooseFolder(kind));
    if (!folder) return;
    const file = await freeCardFile(folder, cardFileStem(name), kind.fileSuffixes[0]);
    if (!file) return;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(fillTemplate(template.text, name, lineEnding(folder))));
    await vscode.window.showTextDocument(file);
    if ((await vscode.commands.getCommands(true)).includes(previewToSideCommand)) {
      await vscode.commands.executeCommand(previewToSideCommand);
    }
  };
}

async function pickKind(): Promise<KindFiles | undefined> {
  const picked = await vscode.window.showQuickPick(documentKindItems(), {
    title: vscode.l10n.t('New: kind of document'),
    placeHolder: vscode.l10n.t('What the document is about: a model, a dataset or a system'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.documentKind;
}

function kindWithId(id: string): KindFiles {
  const kind = kindFiles.find((candidate) => candidate.id === id);
  if (!kind) throw new Error(`No document kind "${id}"; the kinds are ${kindFiles.map((candidate) => candidate.id).join(', ')}.`);
  return kind;
}

/**
 * The server's answer for `folder` (no folder, or no server: none). Files left out are logged, and
 * said in a warning that does not wait.
 */
async function orgTemplatesFor(ctx: Ctx, folder: vscode.Uri | undefined): Promise<OrgTemplateList> {
  const none: OrgTemplateList = { templates: [], problems: [] };
  if (!folder) return none;
  const list = await ctx.request(orgTemplatesRequest, { folder: folder.toString() }).catch((error: unknown) => {
    ctx.outputChannel.warn(`Organisation templates: ${error instanceof Error ? error.message : String(error)}`);
    return none;
  });
  if (list.problems.length > 0) {
    for (const problem of list.problems) ctx.outputChannel.warn(`Organisation templates: ${problem}`);
    void vscode.window.showWarningMessage(vscode.l10n.t("Some of your organisation's templates are left out: {0}", list.problems[0]));
  }
  return list;
}

async function pickTemplate(kind: KindFiles, org: OrgTemplateList): Promise<CardTemplate | undefined> {
  const items: TemplatePickItem[] = [...kindTemplates(kind), ...orgTemplateItems(kind, org)];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('New {0}: template', vscode.l10n.t(kind.label)),
    placeHolder: vscode.l10n.t('Choose what the {0} covers', kind.words.document),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked && 'id' in picked ? picked : undefined;
}

function templateWithId(kind: KindFiles, id: string, org: OrgTemplateList): CardTemplate {
  const templates = [...kindTemplates(kind), ...orgTemplateItems(kind, org).filter((item): item is CardTemplate => 'id' in item)];
  const template = templates.find((candidate) => candidate.id === id);
  if (!template) throw new Error(`No ${kind.words.document} template "${id}"; the templates are ${templates.map((candidate) => candidate.id).join(', ')}.`);
  return template;
}

function givenModelName(name: string): string {
  const problem = modelNameProblem(name);
  if (problem) throw new Error(`The name ${JSON.stringify(name)} cannot name a file (${problem}).`);
  return name;
}

function askModelName(kind: KindFiles): Thenable<string | undefined> {
  const problems: Record<ModelNameProblem, string> = {
    empty: vscode.l10n.t('Type the {0} name.', kind.words.subject),
    noLetterOrDigit: vscode.l10n.t('The name needs a letter or a digit to name the file after.'),
    tooLong: vscode.l10n.t('The name is too long: keep it under 200 characters.'),
  };
  return vscode.window.showInputBox({
    title: vscode.l10n.t('New {0}: {1} name', vscode.l10n.t(kind.label), kind.words.subject),
    prompt: vscode.l10n.t('The {0} name, as people will refer to it', kind.words.subject),
    validateInput: (value) => {
      const problem = modelNameProblem(value);
      if (problem) return problems[problem];
      return { message: vscode.l10n.t('The file will be {0}', candidateFileName(cardFileStem(value), 1, kind.fileSuffixes[0])), severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
}

/** The folder the explorer command was invoked on, or the folder of the file it was invoked on. */
async function folderOf(target: vscode.Uri): Promise<vscode.Uri> {
  const { type } = await vscode.workspace.fs.stat(target);
  return type & vscode.FileType.Directory ? target : vscode.Uri.joinPath(target, '..');
}

/** The workspace folders, the active editor's first. */
function workspaceFolders(): vscode.WorkspaceFolder[] {
  const active = vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri);
  return [...(vscode.workspace.workspaceFolders ?? [])].sort((a, b) => Number(b === active) - Number(a === active));
}

/** A workspace folder (the active editor's first), or any folder from the open dialog. */
async function chooseFolder(kind: KindFiles): Promise<vscode.Uri | undefined> {
  const folders = workspaceFolders();
  if (folders.length > 0) {
    const browse = { label: vscode.l10n.t('$(folder-opened) Choose a folder…'), uri: undefined };
    const picked = await vscode.window.showQuickPick(
      [...folders.map((folder) => ({ label: `$(root-folder) ${folder.name}`, description: folder.uri.fsPath, uri: folder.uri })), browse],
      { title: vscode.l10n.t('New {0}: folder', vscode.l10n.t(kind.label)), placeHolder: vscode.l10n.t('Where to create the {0}', kind.words.document) },
    );
    if (!picked || picked.uri) return picked?.uri;
  }
  const [chosen] = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Create it here'), defaultUri: folders[0]?.uri })) ?? [];
  return chosen;
}

/** The document's file in `folder`; when the name is taken, the user may take the next free one (`-2`, `-3`...) or stop. */
async function freeCardFile(folder: vscode.Uri, stem: string, suffix: string): Promise<vscode.Uri | undefined> {
  const fileName = await freeFileName(stem, (candidate) => exists(vscode.Uri.joinPath(folder, candidate)), suffix);
  const wanted = candidateFileName(stem, 1, suffix);
  if (fileName !== wanted) {
    const create = vscode.l10n.t('Create {0}', fileName);
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('{0} already exists in {1}.', wanted, vscode.workspace.asRelativePath(folder)),
      { modal: true, detail: vscode.l10n.t('The existing file is left as it is.') },
      create,
    );
    if (answer !== create) return undefined;
  }
  return vscode.Uri.joinPath(folder, fileName);
}

/** The line ending new files get (`files.eol`). */
function lineEnding(folder: vscode.Uri): '\n' | '\r\n' {
  const eol = vscode.workspace.getConfiguration('files', folder).get<string>('eol');
  if (eol === '\n' || eol === '\r\n') return eol;
  return process.platform === 'win32' ? '\r\n' : '\n';
}
