import { Command, Option } from 'commander';
import type { PreviewAudience } from '../../protocol';

export const renderFormats = ['md', 'html'] as const;
export type RenderFormat = (typeof renderFormats)[number];
const audiences: PreviewAudience[] = ['developer', 'reviewer', 'compliance', 'public'];

export interface RenderOptions {
  format?: RenderFormat;
  output?: string;
  audience: PreviewAudience;
  force?: boolean;
}

export function renderCommand(): Command {
  return new Command('render')
    .summary('render a card, datasheet or system card as Markdown or a standalone HTML page')
    .description(
      'Render a card as Markdown or as a self-contained HTML page (inline CSS and SVG charts, no script, printable), as the editor preview shows it.',
    )
    .argument('<card>', 'the card file')
    .addOption(new Option('-f, --format <format>', 'md or html (default: from the -o file name, else html)').choices(renderFormats))
    .option('-o, --output <file>', 'write to this file instead of stdout (never over an existing file without --force)')
    .addOption(new Option('--audience <audience>', 'who reads it: reviewers and compliance see governance first; the public sees no findings').choices(audiences).default('developer'))
    .option('--force', 'overwrite the -o file if it exists')
    .addHelpText('after', '\nExamples:\n  modelcard render examples/smiling-detection.modelcard.yaml -o smiling-detection.html\n  modelcard render examples/smiling-detection.modelcard.yaml --format md --audience public')
    .action(async (card: string, options: RenderOptions) => {
      const { runRender } = await import('../renderCard');
      await runRender(card, options);
    });
}
