// The language client, bundled apart (dist/languageClient.js): vscode-languageclient is most of
// the extension's code, and Ctx loads it after activation, when it starts the server.
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { settingsSection } from '../../server/src/protocol';

export type DocumentSelector = NonNullable<LanguageClientOptions['documentSelector']>;

/** The client of the bundled server; `id` names it (and its `<id>.trace.server` setting). */
export function createLanguageClient(id: string, context: vscode.ExtensionContext, outputChannel: vscode.LogOutputChannel, documentSelector: DocumentSelector): LanguageClient {
  return new LanguageClient(id, 'Model Card Studio', serverOptions(context), clientOptions(outputChannel, documentSelector));
}

/** The bundled server (dist/server.js) in a Node process of its own, over IPC. */
function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath('dist/server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
}

function clientOptions(outputChannel: vscode.LogOutputChannel, documentSelector: DocumentSelector): LanguageClientOptions {
  return {
    documentSelector,
    // Tells the server when `modelcard.*` settings change; it then pulls them with workspace/configuration.
    synchronize: { configurationSection: settingsSection },
    outputChannel,
  };
}
