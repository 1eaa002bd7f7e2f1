import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findingCounts } from '../../../client/src/catalogue/catalogueTree';
import type { ModelCardStudioApi } from '../../../client/src/extension';
import { codeOf, hasCode, modelCardStudio, waitFor, waitForAnswer, waitForDiagnostics, workspaceFile } from './helpers';

// The fixture workspace holds rag/: a system card linking three model cards and a datasheet, one
// link broken (test/helpers/ragWorkspace.ts, brokenRagWorkspace).
describe('the workspace of linked documents', () => {
  let catalogue: ModelCardStudioApi['catalogue'];
  before(async () => ({ catalogue } = await modelCardStudio()));
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('shows the broken link of a system card that is not open in the Problems panel', async () => {
    const system = workspaceFile('rag/assistant.systemcard.yaml');
    const diagnostics = await waitForDiagnostics(system, hasCode('MC120'));
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === system.toString()), 'the system card is not open');
    const broken = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'MC120');
    assert.deepEqual(broken?.range, new vscode.Range(10, 10, 10, 39));
    assert.equal(broken?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(broken?.message, "`models/embeder.modelcard.yaml` does not exist: no file at this path relative to this document's folder.");
  });

  it('goes to the document a link leads to', async () => {
    const card = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('rag/models/generator.modelcard.yaml')));
    const datasheet = workspaceFile('rag/data/support-articles.datasheet.yaml');
    const onLink = new vscode.Position(8, 25);
    const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', card.document.uri, onLink);
    assert.deepEqual(locations.map((location) => ('targetUri' in location ? location.targetUri : location.uri).toString()), [datasheet.toString()]);
    card.selection = new vscode.Selection(onLink, onLink);
    await vscode.commands.executeCommand('editor.action.revealDefinition');
    await waitFor(() => (vscode.window.activeTextEditor?.document.uri.toString() === datasheet.toString() ? true : undefined), 'the datasheet in the editor', 30_000, vscode.window.onDidChangeActiveTextEditor);
  });

  it('finds the card and the system card that use a datasheet', async () => {
    const references = await linksTo(workspaceFile('rag/data/support-articles.datasheet.yaml'));
    assert.deepEqual(references, [
      { file: 'rag/assistant.systemcard.yaml', range: new vscode.Range(19, 10, 19, 46) },
      { file: 'rag/models/generator.modelcard.yaml', range: new vscode.Range(8, 15, 8, 54) },
    ]);
  });

  it('lists the documents in the Model Cards view by kind and status, with their findings, and a system card with its components', async () => {
    const rag = workspaceFile('rag');
    // Each document's counts are those of the Problems panel (the files are not open: pulled diagnostics).
    const withFindings = (label: string, file: string) => {
      const counts = findingCounts(severityCounts(vscode.languages.getDiagnostics(workspaceFile(`rag/${file}`))));
      return counts ? `${label} (${counts})` : label;
    };
    const expected = () => [
      'Model cards',
      '  In review',
      `    ${withFindings('Reranker', 'models/reranker.modelcard.yaml')}`,
      '  Approved',
      `    ${withFindings('Embedder', 'models/embedder.modelcard.yaml')}`,
      '  Published',
      `    ${withFindings('Generator', 'models/generator.modelcard.yaml')}`,
      'Datasheets',
      '  No status',
      `    ${withFindings('support-articles', 'data/support-articles.datasheet.yaml')}`,
      'System cards',
      '  Draft',
      `    ${withFindings('Support assistant', 'assistant.systemcard.yaml')}`,
      '      embedder (model)',
      '      reranker (model)',
      '      generator (model)',
      '      index (index)',
      '      gateway (service)',
    ];
    let shown: string[] = [];
    await waitForAnswer(
      async () => {
        shown = await catalogueOutline(catalogue, rag);
        return JSON.stringify(shown) === JSON.stringify(expected()) || undefined;
      },
      'the catalogue of rag/',
      catalogue.onDidChangeTreeData ?? vscode.languages.onDidChangeDiagnostics,
    ).catch(() => assert.deepEqual(shown, expected()));
    assert.match(shown[12], /^ {4}Support assistant \(\d+ errors?/, 'the broken link counts as an error, as in the Problems panel');
  });

  describe('renaming a linked file', () => {
    const folder = workspaceFile('linked-rename');
    const datasheet = vscode.Uri.joinPath(folder, 'data/tickets.datasheet.yaml');
    const moved = vscode.Uri.joinPath(folder, 'datasets/2025/support-tickets.datasheet.yaml');
    const card = vscode.Uri.joinPath(folder, 'triage.modelcard.yaml');
    const system = vscode.Uri.joinPath(folder, 'helpdesk.systemcard.yaml');
    const cardText = `name: Triage
version: '1.0'
training_data:
  # The tickets of 2025, anonymised.
  - name: tickets
    datasheet: data/tickets.datasheet.yaml
`;
    const systemText = `name: Helpdesk
purpose: Routes support tickets
components:
  - id: triage
    kind: model
    card: triage.modelcard.yaml
  - id: tickets
    kind: index
    card: "data/tickets.datasheet.yaml" # the corpus
`;
    const movedLink = 'datasets/2025/support-tickets.datasheet.yaml';

    before(async () => {
      const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
      await write(datasheet, "name: tickets\nversion: '2'\nlicense: cc-by-4.0\n");
      await write(card, cardText);
      await write(system, systemText);
      // The server reads files it is told of by the file watcher: wait until it has indexed the links.
      await waitForAnswer(async () => ((await linksTo(datasheet)).length === 2 ? true : undefined), 'the new links in the index', catalogue.onDidChangeTreeData ?? vscode.workspace.onDidCreateFiles);
    });
    after(() => vscode.workspace.saveAll(false));

    it('updates the links to it in the documents that link to it', async () => {
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(datasheet, moved);
      assert.equal(await vscode.workspace.applyEdit(edit, { isRefactoring: true }), true);
      assert.equal(await exists(datasheet), false);
      assert.equal(await exists(moved), true);
      assert.equal((await vscode.workspace.openTextDocument(card)).getText(), cardText.replace('data/tickets.datasheet.yaml', movedLink));
      assert.equal((await vscode.workspace.openTextDocument(system)).getText(), systemText.replace('data/tickets.datasheet.yaml', movedLink));
    });

    // With one document to edit, VS Code undoes the move and the edit without asking (with several, it asks whether to undo in all files).
    it('undoes a rename and the link edit it made in one step', async () => {
      const renamed = vscode.Uri.joinPath(folder, 'ticket-triage.modelcard.yaml');
      const editor = await vscode.window.showTextDocument(system);
      const linked = editor.document.getText();
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(card, renamed);
      assert.equal(await vscode.workspace.applyEdit(edit, { isRefactoring: true }), true);
      assert.equal(editor.document.getText(), linked.replace('card: triage.modelcard.yaml', 'card: ticket-triage.modelcard.yaml'));
      await vscode.commands.executeCommand('undo');
      const undone = async () => (await exists(card)) && !(await exists(renamed)) && editor.document.getText() === linked;
      await waitForAnswer(async () => (await undone()) || undefined, 'the card back and its link as it was', vscode.workspace.onDidChangeTextDocument).catch(() => undefined);
      assert.equal(await exists(card), true);
      assert.equal(await exists(renamed), false);
      assert.equal(editor.document.getText(), linked);
    });
  });
});

/** The links to `uri` that Find All References lists, by workspace-relative file. */
async function linksTo(uri: vscode.Uri): Promise<{ file: string; range: vscode.Range }[]> {
  const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, new vscode.Position(0, 0));
  return locations.map((location) => ({ file: vscode.workspace.asRelativePath(location.uri), range: location.range })).sort((a, b) => a.file.localeCompare(b.file));
}

function severityCounts(diagnostics: readonly vscode.Diagnostic[]): { errors: number; warnings: number } {
  const count = (severity: vscode.DiagnosticSeverity) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  return { errors: count(vscode.DiagnosticSeverity.Error), warnings: count(vscode.DiagnosticSeverity.Warning) };
}

/**
 * The tree as the view shows it, one line a node, indented by depth: a group by its label, a
 * document or component as `label (description)`. Only the documents under `folder` are kept, in
 * the groups that hold them (the other tests add documents of their own).
 */
async function catalogueOutline(tree: ModelCardStudioApi['catalogue'], folder: vscode.Uri, node?: Parameters<ModelCardStudioApi['catalogue']['getTreeItem']>[0], depth = 0): Promise<string[]> {
  const lines: string[] = [];
  for (const child of (await tree.getChildren(node)) ?? []) {
    const item = await tree.getTreeItem(child);
    if (item.resourceUri && !item.resourceUri.path.startsWith(`${folder.path}/`)) continue;
    const isGroup = item.resourceUri === undefined && item.collapsibleState !== vscode.TreeItemCollapsibleState.None;
    const children = item.collapsibleState === vscode.TreeItemCollapsibleState.None ? [] : await catalogueOutline(tree, folder, child, depth + 1);
    if (isGroup && children.length === 0) continue;
    const label = typeof item.label === 'string' ? item.label : item.label?.label;
    lines.push(`${'  '.repeat(depth)}${label}${!isGroup && item.description ? ` (${String(item.description)})` : ''}`, ...children);
  }
  return lines;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}
