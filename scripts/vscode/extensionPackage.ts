// The extension as an installable package: the .vsix built by the project's own `npm run package`.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './paths';
import { runToCompletion } from './processes';

/** Runs `npm run package` and returns the .vsix it wrote. */
export async function packageExtension(): Promise<string> {
  const startedAt = Date.now();
  await runToCompletion('npm', ['run', 'package'], process.env, projectRoot);
  const written = ['.', 'dist', 'out']
    .flatMap((folder) => vsixFilesIn(path.join(projectRoot, folder)))
    .filter((file) => statSync(file).mtimeMs >= startedAt - 1000)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (written.length === 0) throw new Error('`npm run package` succeeded but wrote no .vsix in the project folder, dist/ or out/');
  return written[0];
}

function vsixFilesIn(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((entry) => entry.endsWith('.vsix'))
      .map((entry) => path.join(folder, entry));
  } catch {
    return [];
  }
}
