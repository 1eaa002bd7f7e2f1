import * as vscode from 'vscode';
import { candidateFileName, cardFileStem, fillTemplate, freeFileName, modelNameProblem, type ModelNameProblem } from '../../../server/src/service/templates/cardFile';
import { exists } from '../files';
import { cardTemplates, type CardTemplate } from '../newCard/templates';

/** The preview registers this command (client/src/preview/); the new card opens in it when it exists. */
const previewToSideCommand = 'modelcard.showPreviewToSide';

/**
 * What the command may be given instead of asking (by a keybinding's `args`, another extension or
 * a test); it asks for the rest.
 */
export interface NewCardArguments {
  /** A template's id: `minimal`, `standard`, `hugging-face`, `model-card-toolkit`, `eu-ai-act-high-risk`. */
  template?: string;
  name?: string;
  folder?: vscode.Uri;
}

/**
 * New Model Card…: a template, a model name and a folder (the one it was invoked on in the
 * explorer, if any), then a new `<model-name>.modelcard.yaml` that never replaces a file.
 */
export function newCard(): (target?: vscode.Uri | NewCardArguments) => Promise<void> {
  return async (target) => {
    const given: NewCardArguments = target instanceof vscode.Uri ? { folder: await folderOf(target) } : (target ?? {});
    const template = given.template !== undefined ? templateWithId(given.template) : await pickTemplate();
    if (!template) return;
    const name = given.name !== undefined ? givenModelName(given.name) : await askModelName();
    if (name === undefined) return;
    const folder = given.folder ?? (await chooseFolder());
    if (!folder) return;
    const file = await freeCardFile(folder, cardFileStem(name));
    if (!file) return;
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(fillTemplate(template.text, name, lineEnding(folder))));
    await vscode.window.showTextDocument(file);
    if ((await vscode.commands.getCommands(true)).includes(previewToSideCommand)) {
      await vscode.commands.executeCommand(previewToSideCommand);
    }
  };
}

function pickTemplate(): Thenable<CardTemplate | undefined> {
  return vscode.window.showQuickPick(cardTemplates(), {
    title: vscode.l10n.t('New Model Card: template'),
    placeHolder: vscode.l10n.t('Choose what the card covers'),
    matchOnDetail: true,
  });
}

function templateWithId(id: string): CardTemplate {
  const templates = cardTemplates();
  const template = templates.find((candidate) => candidate.id === id);
  if (!template) throw new Error(`No card template "${id}"; the templates are ${templates.map((candidate) => candidate.id).join(', ')}.`);
  return template;
}

function givenModelName(name: string): string {
  const problem = modelNameProblem(name);
  if (problem) throw new Error(`The model name ${JSON.stringify(name)} cannot name a card (${problem}).`);
  return name;
}

function askModelName(): Thenable<string | undefined> {
  const problems: Record<ModelNameProblem, string> = {
    empty: vscode.l10n.t('Type the model name.'),
    noLetterOrDigit: vscode.l10n.t('The name needs a letter or a digit to name the file after.'),
    tooLong: vscode.l10n.t('The name is too long: keep it under 200 characters.'),
  };
  return vscode.window.showInputBox({
    title: vscode.l10n.t('New Model Card: model name'),
    prompt: vscode.l10n.t('The model name, as people will refer to it'),
    placeHolder: 'ImageClassifier',
    validateInput: (value) => {
      const problem = modelNameProblem(value);
      if (problem) return problems[problem];
      return { message: vscode.l10n.t('The card will be {0}', candidateFileName(cardFileStem(value), 1)), severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
}

/** The folder the explorer command was invoked on, or the folder of the file it was invoked on. */
async function folderOf(target: vscode.Uri): Promise<vscode.Uri> {
  const { type } = await vscode.workspace.fs.stat(target);
  return type & vscode.FileType.Directory ? target : vscode.Uri.joinPath(target, '..');
}

/** A workspace folder (the active editor's first), or any folder from the open dialog. */
async function chooseFolder(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri);
  const folders = [...(vscode.workspace.workspaceFolders ?? [])].sort((a, b) => Number(b === active) - Number(a === active));
  if (folders.length > 0) {
    const browse = { label: vscode.l10n.t('$(folder-opened) Choose a folder…'), uri: undefined };
    const picked = await vscode.window.showQuickPick(
      [...folders.map((folder) => ({ label: `$(root-folder) ${folder.name}`, description: folder.uri.fsPath, uri: folder.uri })), browse],
      { title: vscode.l10n.t('New Model Card: folder'), placeHolder: vscode.l10n.t('Where to create the card') },
    );
    if (!picked || picked.uri) return picked?.uri;
  }
  const [chosen] = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: vscode.l10n.t('Create the card here'), defaultUri: folders[0]?.uri })) ?? [];
  return chosen;
}

/** The card's file in `folder`; when the name is taken, the user may take the next free one (`-2`, `-3`...) or stop. */
async function freeCardFile(folder: vscode.Uri, stem: string): Promise<vscode.Uri | undefined> {
  const fileName = await freeFileName(stem, (candidate) => exists(vscode.Uri.joinPath(folder, candidate)));
  const wanted = candidateFileName(stem, 1);
  if (fileName !== wanted) {
    const create = vscode.l10n.t('Create {0}', fileName);
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t('{0} already exists in {1}.', wanted, vscode.workspace.asRelativePath(folder)),
      { modal: true, detail: vscode.l10n.t('The existing card is left as it is.') },
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
