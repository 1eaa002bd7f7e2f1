// The Debian packages `npm start` and `npm test` need, installed when missing: with apt-get when
// run as root, else the command to run as root is printed and the script fails.
// Usage: node scripts/debianPackages.mjs start|test
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;

/** Each package, how to tell it is installed, and which commands need it. */
export const debianPackages = [
  { name: 'libkrb5-dev', why: 'the Kerberos headers code-server builds against', installed: () => existsSync('/usr/include/gssapi/gssapi.h'), neededBy: ['start', 'test'] },
  { name: 'chromium', why: 'the browser the real-editor tests drive', installed: () => existsSync('/usr/bin/chromium'), neededBy: ['test'] },
  { name: 'neovim', why: 'the second LSP client of the tests', installed: () => onPath('nvim'), neededBy: ['test'] },
  { name: 'sqlite3', why: 'builds the MLflow stores the tracker tests read', installed: () => onPath('sqlite3'), neededBy: ['test'] },
  { name: 'pre-commit', why: 'installs and runs the pre-commit hook in its test', installed: () => onPath('pre-commit'), neededBy: ['test'] },
];

/** The command that installs the packages `purpose` needs, for messages. */
export function installCommand(purpose) {
  return `apt-get update && apt-get install -y ${debianPackages.filter((item) => item.neededBy.includes(purpose)).map((item) => item.name).join(' ')}`;
}

function ensure(purpose) {
  const missing = debianPackages.filter((item) => item.neededBy.includes(purpose) && !item.installed());
  if (missing.length === 0) return 0;
  const names = missing.map((item) => item.name);
  const list = missing.map((item) => `${item.name} (${item.why})`).join(', ');
  if (process.getuid?.() !== 0) {
    console.error(`Missing Debian packages: ${list}. Install them as root:\n  apt-get update && apt-get install -y ${names.join(' ')}`);
    return 1;
  }
  console.log(`Installing Debian packages: ${list} ...`);
  const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', ...names]]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: environment });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit code ${result.status ?? result.signal}).`);
      return 1;
    }
  }
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const purpose = process.argv[2];
  if (purpose !== 'start' && purpose !== 'test') {
    console.error('Usage: node scripts/debianPackages.mjs start|test');
    process.exit(2);
  }
  process.exit(ensure(purpose));
}
