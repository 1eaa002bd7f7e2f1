// Run by test/unit/extension/activationLoads.test.ts in a child process: loads the built VS Code
// client (dist/client.js) as the extension host does, calls `activate`, lets the event loop turn,
// then runs Show Output (the plainest command). Prints as JSON what was required in each phase.
// `vscode` is a stand-in: every property, call and construction gives the stand-in again (it is no
// promise, reads as '' and takes any assignment), except registerCommand, which keeps the commands
// to run them.
const Module = require('node:module');
const path = require('node:path');

const client = path.resolve(__dirname, '../../dist/client.js');
const requires = { load: [], activate: [], afterActivate: [], command: [] };
let phase = 'load';
const commands = new Map();

const vscode = new Proxy(function () {}, {
  get(target, key) {
    if (key === 'then') return undefined;
    if (key === Symbol.toPrimitive) return () => '';
    if (key === 'registerCommand') {
      return (id, run) => {
        commands.set(id, run);
        return vscode;
      };
    }
    return vscode;
  },
  set: () => true,
  apply: () => vscode,
  construct: () => vscode,
});
// The bundle copies the `vscode` module's own properties (esbuild's import interop): give it the names it imports.
for (const name of ['commands', 'window', 'workspace', 'languages', 'l10n', 'env', 'extensions', 'Uri', 'Disposable', 'EventEmitter', 'StatusBarAlignment', 'ThemeIcon', 'TreeItem', 'TreeItemCollapsibleState', 'ViewColumn', 'Range', 'Position', 'Selection', 'TextEditorRevealType', 'ProgressLocation', 'ConfigurationTarget']) {
  Object.defineProperty(vscode, name, { value: vscode, enumerable: true });
}

const load = Module._load;
Module._load = function (request, parent, isMain) {
  requires[phase].push(request);
  return request === 'vscode' ? vscode : load.call(this, request, parent, isMain);
};

const extension = require(client);
phase = 'activate';
extension.activate(vscode);
phase = 'afterActivate';
setImmediate(() =>
  setImmediate(async () => {
    phase = 'command';
    await commands.get('modelcard.showOutput')();
    process.stdout.write(JSON.stringify(requires));
    process.exit(0);
  }),
);
