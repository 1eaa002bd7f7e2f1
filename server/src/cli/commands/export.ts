import { Command, Option } from 'commander';
import { exportFormatList } from '../../service/formats/formatList';

interface ExportCommandOptions {
  to: string;
  output?: string;
  force?: boolean;
  evalResults?: boolean;
  spec?: string;
}

export function exportCommand(): Command {
  return new Command('export')
    .summary('write a card as a Hugging Face README.md, MCT JSON, CycloneDX ML-BOM or JSON')
    .description('Write the card in another format beside it (or at -o), and print what the format cannot hold. It never replaces a file without --force.')
    .argument('<card>', 'the card file')
    .addOption(new Option('--to <format>', 'the format').choices(exportFormatList.map((format) => format.id)).makeOptionMandatory())
    .option('-o, --output <file>', 'the file to write (default: README.md, <card>.mct.json, <card>.cdx.json or <card>.modelcard.json beside the card)')
    .option('--force', 'replace files that exist')
    .option('--eval-results', "with --to hf: also write the Hub's .eval_results/*.yaml")
    .addOption(new Option('--spec <version>', 'with --to cyclonedx: the CycloneDX version').choices(['1.5', '1.6']))
    .addHelpText(
      'after',
      `
Exit codes: 0 written; 2 a usage or I/O error, or a file that exists (without --force).

Examples:
  modelcard export classifier.modelcard.yaml --to hf --eval-results
  modelcard export classifier.modelcard.yaml --to cyclonedx --spec 1.5 -o bom.cdx.json`,
    )
    .action(async (card: string, options: ExportCommandOptions) => {
      const [{ exportCard }, { writeOutput }] = await Promise.all([import('../exportCard'), import('../commandOutput')]);
      writeOutput(await exportCard({ card, ...options }));
    });
}
