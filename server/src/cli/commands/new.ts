import { Command } from 'commander';
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { cardTemplate, cardTemplates } from '../../service/templates/cardTemplates';
import { cardFileStem, fillTemplate, freeFileName, modelNameProblem, type ModelNameProblem } from '../../service/templates/cardFile';
import { closestMatch } from '../../service/text/closestMatch';
import { UsageError } from '../errors';
import { displayPath, ioReason } from '../files';

const nameProblems: Record<ModelNameProblem, string> = {
  empty: '--name is empty: give the model a name',
  noLetterOrDigit: '--name needs a letter or a digit, for the file name',
  tooLong: '--name is too long (200 characters at most)',
};

export function newCommand(): Command {
  return new Command('new')
    .summary('create a model card from a template')
    .description('Create a model card from a template, named after the model. An existing file is never overwritten: the name gets -2, -3...')
    .requiredOption('-t, --template <name>', `the template: ${cardTemplates.map((template) => template.id).join(', ')}`)
    .requiredOption('-n, --name <model>', "the model's name (the file is named after it)")
    .option('-o, --out <folder>', 'the folder to write the card in (created if missing)', '.')
    .addHelpText('after', `\nTemplates:\n${cardTemplates.map((template) => `  ${template.id.padEnd(22)} ${template.detail}`).join('\n')}\n\nExample:\n  modelcard new --template standard --name "Smiling Detection" --out models/`)
    .action(async (options: { template: string; name: string; out: string }) => {
      const template = cardTemplate(options.template);
      if (!template) {
        const closest = closestMatch(options.template, cardTemplates.map((known) => known.id));
        const ids = cardTemplates.map((known) => known.id).join(', ');
        throw new UsageError(`no template is named "${options.template}"${closest ? ` (did you mean ${closest}?)` : ''}; the templates are ${ids}`);
      }
      const problem = modelNameProblem(options.name);
      if (problem) throw new UsageError(nameProblems[problem]);
      await mkdir(options.out, { recursive: true }).catch((error: unknown) => {
        throw new UsageError(`cannot create the folder ${options.out}: ${ioReason(error)}`);
      });
      const file = await writeNewFile(options.out, cardFileStem(options.name), fillTemplate(template.text, options.name));
      process.stdout.write(`Created ${displayPath(file)} from the ${template.label} template. Fill in the TODOs, then run: modelcard lint ${displayPath(file)}\n`);
    });
}

/** Writes `text` to the first free `stem[-N].modelcard.yaml` in `folder`; never over an existing file, even one made meanwhile. */
async function writeNewFile(folder: string, stem: string, text: string): Promise<string> {
  const exists = (name: string) => access(path.join(folder, name)).then(() => true, () => false);
  for (;;) {
    const file = path.join(folder, await freeFileName(stem, exists));
    try {
      await writeFile(file, text, { flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new UsageError(`cannot write ${file}: ${ioReason(error)}`);
    }
  }
}
