import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { configFileNames, parseProjectConfig, type ParsedProjectConfig } from '../service/config/projectConfig';

/** A config file found for a card, and what it says. */
export interface LoadedConfig extends ParsedProjectConfig {
  /** The config file's absolute path. */
  path: string;
}

/**
 * Finds the project config that applies to a card: the nearest `.modelcardrc.yaml`,
 * `.modelcardrc.yml` or `package.json` with a `modelcard` key, in the card's folder or above
 * (nearest wins, as with eslint and prettier). The CLI and the language server share it.
 * Which file serves a folder is remembered until `changed()`; a file's content until its mtime or size changes.
 */
export class ProjectConfigFiles {
  private readonly byFolder = new Map<string, Promise<LoadedConfig | undefined>>();
  private readonly byFile = new Map<string, { mtimeMs: number; size: number; loaded: LoadedConfig | undefined }>();

  /** The config for the card at `cardPath` (absolute or relative to the working folder). */
  forCard(cardPath: string): Promise<LoadedConfig | undefined> {
    return this.forFolder(path.dirname(path.resolve(cardPath)));
  }

  /** Config files were created, changed or deleted: look for them again. */
  changed(): void {
    this.byFolder.clear();
  }

  private forFolder(folder: string): Promise<LoadedConfig | undefined> {
    let found = this.byFolder.get(folder);
    if (!found) {
      found = this.search(folder);
      this.byFolder.set(folder, found);
    }
    return found;
  }

  private async search(folder: string): Promise<LoadedConfig | undefined> {
    for (const name of configFileNames) {
      const loaded = await this.read(path.join(folder, name));
      if (loaded) return loaded;
    }
    const parent = path.dirname(folder);
    return parent === folder ? undefined : this.forFolder(parent);
  }

  private async read(file: string): Promise<LoadedConfig | undefined> {
    const stats = await stat(file).catch(() => undefined);
    if (!stats?.isFile()) return undefined;
    const known = this.byFile.get(file);
    if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) return known.loaded;
    const loaded = await readFile(file, 'utf8').then(
      (text) => {
        const parsed = parseProjectConfig(text, path.basename(file));
        return parsed && { path: file, ...parsed };
      },
      (error: NodeJS.ErrnoException): LoadedConfig => ({
        path: file,
        config: { rules: {}, ignore: [] },
        problems: [{ line: 1, column: 1, message: `cannot read the config file: ${error.code ?? error.message}` }],
      }),
    );
    this.byFile.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, loaded });
    return loaded;
  }
}

/** The config's problems, one line each: `file:line:col: message`, the file relative to `cwd` when it is below it. */
export function configProblemLines(loaded: LoadedConfig, cwd = process.cwd()): string[] {
  const relative = path.relative(cwd, loaded.path);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? loaded.path : relative;
  return loaded.problems.map((problem) => `${shown}:${problem.line}:${problem.column}: ${problem.message}`);
}
