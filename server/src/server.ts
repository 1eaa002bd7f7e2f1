import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

// The transport (--stdio, --node-ipc, --socket=N, --pipe=NAME) comes from the command line.
startServer(createConnection(ProposedFeatures.all));
