import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ConfigProblem } from '../service/config/projectConfig';

/** A file read for a card (a project config, a policy): its absolute path, what it says, and its problems. */
export interface LoadedFile {
  path: string;
  problems: ConfigProblem[];
}

/**
 * Finds, for a card, the nearest of some file names in the card's folder or above (nearest wins,
 * as with eslint and prettier), and reads it. Which file serves a folder is remembered until
 * `changed()`; a file's content until its mtime or size changes. The CLI and the language server
 * share it: the project config and the policy are found the same way.
 */
export class UpwardFiles<Loaded extends LoadedFile> {
  private readonly byFolder = new Map<string, Promise<Loaded | undefined>>();
  private readonly byFile = new Map<string, { mtimeMs: number; size: number; loaded: Loaded | undefined }>();

  /**
   * `names`: the file names, nearest first within a folder. `parse` reads a file's text (undefined
   * when the file is not one of ours after all); `unreadable` stands for a file that cannot be read.
   */
  constructor(
    private readonly names: readonly string[],
    private readonly parse: (text: string, file: string) => Loaded | undefined,
    private readonly unreadable: (file: string, reason: string) => Loaded,
  ) {}

  /** The file that applies to the card at `cardPath` (absolute or relative to the working folder). */
  forCard(cardPath: string): Promise<Loaded | undefined> {
    return this.forFolder(path.dirname(path.resolve(cardPath)));
  }

  /** A file named explicitly (a setting, a command-line option): one that is missing or unreadable is a problem. */
  async load(file: string): Promise<Loaded> {
    const absolute = path.resolve(file);
    return (await this.read(absolute)) ?? this.unreadable(absolute, 'no such file');
  }

  /** Files were created, changed or deleted: look for them again. */
  changed(): void {
    this.byFolder.clear();
  }

  /** The file that applies to the documents of `folder` (absolute; it need not exist yet). */
  forFolder(folder: string): Promise<Loaded | undefined> {
    let found = this.byFolder.get(folder);
    if (!found) {
      found = this.search(folder);
      this.byFolder.set(folder, found);
    }
    return found;
  }

  private async search(folder: string): Promise<Loaded | undefined> {
    for (const name of this.names) {
      const loaded = await this.read(path.join(folder, name));
      if (loaded) return loaded;
    }
    const parent = path.dirname(folder);
    return parent === folder ? undefined : this.forFolder(parent);
  }

  private async read(file: string): Promise<Loaded | undefined> {
    const stats = await stat(file).catch(() => undefined);
    if (!stats?.isFile()) return undefined;
    const known = this.byFile.get(file);
    if (known && known.mtimeMs === stats.mtimeMs && known.size === stats.size) return known.loaded;
    const loaded = await readFile(file, 'utf8').then(
      (text) => this.parse(text, file),
      (error: NodeJS.ErrnoException) => this.unreadable(file, error.code ?? error.message),
    );
    this.byFile.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, loaded });
    return loaded;
  }
}

/** A file's problems, one line each: `file:line:col: message`, the file relative to `cwd` when it is below it. */
export function problemLines(loaded: LoadedFile, cwd = process.cwd()): string[] {
  const relative = path.relative(cwd, loaded.path);
  const shown = relative.startsWith('..') || path.isAbsolute(relative) ? loaded.path : relative;
  return loaded.problems.map((problem) => `${shown}:${problem.line}:${problem.column}: ${problem.message}`);
}
