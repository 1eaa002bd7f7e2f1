import { Command, Option } from 'commander';
import { audiences, earlierAudiences, type PreviewAudience } from '../../protocol';

export const renderFormats = ['md', 'html', 'mermaid'] as const;
export type RenderFormat = (typeof renderFormats)[number];

export interface RenderOptions {
  format?: RenderFormat;
  output?: string;
  audience: PreviewAudience;
  policy?: string;
  force?: boolean;
}

export function renderCommand(): Command {
  return new Command('render')
    .summary('render a card, datasheet or system card for its audience as Markdown or a standalone HTML page')
    .description(
      'Render a card as Markdown or as a self-contained HTML page (inline CSS and SVG charts and diagrams, no script, printable), for one of three audiences: ' +
        'technical (everything, with findings, as the editor preview shows it), regulatory (by the points of the EU AI Act Annex IV, with what is missing, the sign-offs and the changelog) ' +
        "or summary (one page in plain language for the people who use the model); or a system card's diagram of its components and data flow as Mermaid source (--format mermaid).",
    )
    .argument('<card>', 'the card file')
    .addOption(new Option('-f, --format <format>', 'md, html or mermaid (default: from the -o file name, .md or .mmd, else html)').choices(renderFormats))
    .option('-o, --output <file>', 'write to this file instead of stdout (never over an existing file without --force)')
    .addOption(
      new Option('--audience <audience>', 'technical, regulatory or summary (earlier names: developer, reviewer (governance first), compliance, public)')
        .choices([...audiences, ...earlierAudiences])
        .default('technical'),
    )
    .option('--policy <file>', "the organisation's policy, instead of the nearest .modelcard-policy.yaml (sign-off badges and findings)")
    .option('--force', 'overwrite the -o file if it exists')
    .addHelpText(
      'after',
      '\nExamples:\n  modelcard render examples/smiling-detection.modelcard.yaml -o smiling-detection.html\n  modelcard render examples/smiling-detection.modelcard.yaml --format md --audience summary\n  modelcard render examples/governance/chest-xray-triage.modelcard.yaml --audience regulatory -o annex-iv.html\n  modelcard render examples/rag-assistant/support-assistant.systemcard.yaml --format mermaid',
    )
    .action(async (card: string, options: RenderOptions) => {
      const { runRender } = await import('../renderCard');
      await runRender(card, options);
    });
}
