import { Command, Option } from 'commander';
import { importFormatList } from '../../service/formats/formatList';

export function importCommand(): Command {
  return new Command('import')
    .summary('write a card from a Hugging Face README.md, a Model Card Toolkit JSON or a Markdown card')
    .description(
      'Write a .modelcard.yaml from another format, beside the source (or at -o), and print what could not be carried over. It never writes over a file: a taken name gets -2, -3... Graphics become image files beside the card.',
    )
    .argument('<file>', 'the source: a README.md, an MCT JSON or a Markdown card')
    .addOption(new Option('--from <format>', "the source's format (default: from its name)").choices(importFormatList.map((format) => format.id)))
    .option('-o, --output <card>', 'the card to write (a taken name gets -2)')
    .addHelpText(
      'after',
      `
Exit codes: 0 written; 1 written, but the source has errors; 2 nothing could be read, or a usage or I/O error.

Examples:
  modelcard import README.md --from hf
  modelcard import model_card.json --from mct -o cards/classifier.modelcard.yaml`,
    )
    .action(async (file: string, options: { from?: string; output?: string }) => {
      const [{ importCard }, { writeOutput }] = await Promise.all([import('../importCard'), import('../commandOutput')]);
      writeOutput(await importCard({ file, ...options }));
    });
}
