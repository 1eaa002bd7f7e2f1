import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { OutputFile } from '../service/formats/formatTypes';

export async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

/** `file`, or the first of `name-2.ext`, `name-3.ext`... that does not exist (`x.modelcard.yaml` → `x-2.modelcard.yaml`). */
export async function freePath(file: string): Promise<string> {
  const folder = path.dirname(file);
  const base = path.basename(file);
  const [, stem, extension] = /^(.*?)((?:\.modelcard)?\.[^.]+)?$/.exec(base) ?? [base, base, ''];
  for (let attempt = 1; ; attempt++) {
    const candidate = path.join(folder, attempt === 1 ? base : `${stem}-${attempt}${extension ?? ''}`);
    if (!(await exists(candidate))) return candidate;
  }
}

/**
 * Writes a file that must not exist yet (the `wx` flag: the check and the write are one step, so
 * no file is replaced even if one appears meanwhile), creating its folder.
 */
export async function writeNewFile(file: string, content: OutputFile | string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const data = typeof content === 'string' ? content : content.base64 !== undefined ? Buffer.from(content.base64, 'base64') : (content.text ?? '');
  await writeFile(file, data, { flag: 'wx' });
}

/** Writes a file, replacing it if it exists (`--force`). */
export async function writeFileReplacing(file: string, content: OutputFile): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content.base64 !== undefined ? Buffer.from(content.base64, 'base64') : (content.text ?? ''));
}
