import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { kindFiles, kindOfFileName } from '../service/kinds/kindFiles';
import { orgTemplates, type OrgTemplates, type TemplateFile } from '../service/templates/orgTemplates';
import type { LoadedPolicy } from './policyFiles';

/** The templates of a policy's `templates:` folder, and where they come from. */
export interface LoadedOrgTemplates extends OrgTemplates {
  /** The folder, absolute. */
  folder: string;
  /** Why the folder cannot be read, in one line (there are no templates then). */
  folderProblem?: string;
}

/**
 * Reads the templates folder a policy names (relative to the policy file), for New Model Card and
 * `modelcard new`; undefined when the policy names none. Only the files of a document kind are read.
 */
export async function readOrgTemplates(loaded: LoadedPolicy): Promise<LoadedOrgTemplates | undefined> {
  const { templates: named, organisation } = loaded.policy;
  if (named === undefined) return undefined;
  const folder = path.resolve(path.dirname(loaded.path), named);
  let names: string[];
  try {
    names = (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isFile() && kindOfFileName(entry.name, kindFiles)).map((entry) => entry.name);
  } catch (error) {
    return { folder, templates: [], problems: [], folderProblem: `cannot read the templates folder ${folder} that ${loaded.path} names: ${folderReason(error)}` };
  }
  const files: TemplateFile[] = [];
  const unreadable: string[] = [];
  for (const name of names) {
    await readFile(path.join(folder, name), 'utf8').then(
      (text) => files.push({ name, text }),
      (error: NodeJS.ErrnoException) => unreadable.push(`${name}: cannot read it: ${error.code ?? error.message}`),
    );
  }
  const found = orgTemplates(files, kindFiles, organisation);
  return { folder, templates: found.templates, problems: [...unreadable, ...found.problems] };
}

function folderReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'ENOENT (no such folder)';
  if (code === 'ENOTDIR') return 'ENOTDIR (not a folder)';
  return code ?? String(error);
}
