import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { graphicsAsDataUris, graphicsRelativeTo } from '../node/graphicFiles';
import { createLanguageService } from '../service/languageService';
import { htmlPage } from '../service/render/htmlPage';
import { CardSettingsResolver } from './cardSettingsResolver';
import type { RenderFormat, RenderOptions } from './commands/render';
import { UsageError } from './errors';
import { readCardText, writeFileAtomic } from './files';

/** `modelcard render`: the card as its audience's document, in Markdown or a standalone HTML page, on stdout or in the `-o` file. */
export async function runRender(file: string, options: RenderOptions): Promise<void> {
  const format = options.format ?? formatOf(options.output);
  if (options.output && existsSync(options.output) && !options.force) throw new UsageError(`${options.output} exists; add --force to overwrite it`);
  const { settings } = await new CardSettingsResolver({ policy: options.policy }).forCard(file);
  const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, 'modelcard', 1, readCardText(file));
  const service = createLanguageService();
  const output =
    format === 'html'
      ? htmlPage(service.render(document, options.audience, settings, graphicsAsDataUris(file)), service.kindOf(document.uri).label)
      : format === 'md'
        ? service.renderMarkdown(document, options.audience, settings, graphicsRelativeTo(file, options.output ? path.dirname(path.resolve(options.output)) : process.cwd()))
        : diagramSource(service.diagramMermaid(document), file);
  if (!options.output) {
    process.stdout.write(output);
    return;
  }
  writeFileAtomic(options.output, output);
  process.stderr.write(`Wrote ${options.output}\n`);
}

/** The format a file name asks for: Markdown for .md and .markdown, Mermaid for .mmd, HTML otherwise. */
function formatOf(output: string | undefined): RenderFormat {
  if (output && /\.mmd$/i.test(output)) return 'mermaid';
  return output && /\.(md|markdown)$/i.test(output) ? 'md' : 'html';
}

function diagramSource(mermaid: string | undefined, file: string): string {
  if (mermaid === undefined) throw new UsageError(`${file} has no diagram: only a system card with components has one`);
  return mermaid;
}
