import * as vscode from 'vscode';
import { isKindDocument } from '../activeCard';
import { Throttle } from './throttle';

export interface EditorScroll {
  card: vscode.Uri;
  /** The card line at the top of the editor. */
  line: number;
}

/**
 * The top line of card editors as the user scrolls them, at most every 50 ms (editor → preview
 * scroll sync; VS Code's Markdown preview has its TopmostLineMonitor).
 */
export class TopLineMonitor implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<EditorScroll>();
  readonly onDidChange = this.changed.event;
  private readonly pending = new Map<string, EditorScroll>();
  private readonly throttle = new Throttle(() => this.flush(), 50);
  private readonly subscription = vscode.window.onDidChangeTextEditorVisibleRanges(({ textEditor }) => {
    if (!isKindDocument(textEditor.document)) return;
    const line = topLine(textEditor);
    if (line === undefined) return;
    this.pending.set(textEditor.document.uri.toString(), { card: textEditor.document.uri, line });
    this.throttle.trigger();
  });

  private flush(): void {
    const scrolls = [...this.pending.values()];
    this.pending.clear();
    for (const scroll of scrolls) this.changed.fire(scroll);
  }

  dispose(): void {
    this.throttle.cancel();
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** The line at the top of the editor. */
export function topLine(editor: vscode.TextEditor): number | undefined {
  return editor.visibleRanges[0]?.start.line;
}

/** The visible editors of the card. */
export function editorsOf(card: vscode.Uri): vscode.TextEditor[] {
  return vscode.window.visibleTextEditors.filter((editor) => editor.document.uri.toString() === card.toString());
}

/** Scrolls the editor so that the card line (fractional: 12.5 is half way through line 12) is at its top. */
export function revealLineAtTop(editor: vscode.TextEditor, line: number): void {
  const whole = clampLine(editor.document, Math.floor(line));
  const start = Math.floor((line - whole) * editor.document.lineAt(whole).text.length);
  editor.revealRange(new vscode.Range(whole, Math.max(0, start), whole + 1, 0), vscode.TextEditorRevealType.AtTop);
}

/** Shows the card line in an editor (the visible one, else a new one in `column`), with the cursor at its first character. */
export async function showLineInEditor(card: vscode.Uri, line: number, column: vscode.ViewColumn): Promise<void> {
  const visible = editorsOf(card)[0];
  const editor = visible
    ? await vscode.window.showTextDocument(visible.document, visible.viewColumn)
    : await vscode.window.showTextDocument(card, { viewColumn: column });
  const whole = clampLine(editor.document, Math.floor(line));
  const position = new vscode.Position(whole, editor.document.lineAt(whole).firstNonWhitespaceCharacterIndex);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function clampLine(document: vscode.TextDocument, line: number): number {
  return Math.max(0, Math.min(line, document.lineCount - 1));
}
