import { Command, Option } from 'commander';
import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { KindFiles } from '../../service/kinds/documentKind';
import { kindFiles } from '../../service/kinds/kindFiles';
import { cardFileStem, fillTemplate, freeFileName, modelNameProblem, type ModelNameProblem } from '../../service/templates/cardFile';
import { closestMatch } from '../../service/text/closestMatch';
import { PolicyFiles } from '../../node/policyFiles';
import { readOrgTemplates } from '../../node/orgTemplateFiles';
import type { CardTemplate } from '../../service/templates/cardTemplates';
import { orgTemplatePrefix } from '../../service/templates/orgTemplates';
import { checked } from '../cardSettingsResolver';
import { UsageError } from '../errors';
import { displayPath, ioReason } from '../files';

const nameProblems: Record<ModelNameProblem, string> = {
  empty: '--name is empty: give the model, dataset or system a name',
  noLetterOrDigit: '--name needs a letter or a digit, for the file name',
  tooLong: '--name is too long (200 characters at most)',
};

/** `--kind` names a kind as its files do: `modelcard`, `datasheet`, `systemcard`. */
const kindName = (kind: KindFiles) => kind.languageId;

export function newCommand(): Command {
  return new Command('new')
    .summary('create a model card, datasheet or system card from a template')
    .description(
      'Create a model card, a datasheet or a system card from a template, named after what it documents. An existing file is never overwritten: the name gets -2, -3...',
    )
    .addOption(new Option('-k, --kind <kind>', 'the kind of document').choices(kindFiles.map(kindName)).default(kindName(kindFiles[0])))
    .requiredOption('-t, --template <name>', 'the template (see Templates below)')
    .requiredOption('-n, --name <name>', 'the name of the model, dataset or system (the file is named after it)')
    .option('-o, --out <folder>', 'the folder to write the document in (created if missing)', '.')
    .option('--policy <file>', "the organisation's policy, for its templates, instead of the nearest .modelcard-policy.yaml above --out")
    .addHelpText('after', `\n${templateHelp()}\n\n${orgTemplateHelp}\n\nExamples:\n  modelcard new --template standard --name "Smiling Detection" --out models/\n  modelcard new --kind datasheet --template standard --name "CelebA" --out data/\n  modelcard new --kind systemcard --template rag --name "Support assistant"\n  modelcard new --template org:clinical-imaging --name "Chest X-ray Triage" --out models/`)
    .action(async (options: NewOptions) => {
      const kind = kindFiles.find((known) => kindName(known) === options.kind) ?? kindFiles[0];
      const template = kind.templates.find((known) => known.id === options.template) ?? (await orgTemplate(kind, options));
      const problem = modelNameProblem(options.name);
      if (problem) throw new UsageError(nameProblems[problem]);
      await mkdir(options.out, { recursive: true }).catch((error: unknown) => {
        throw new UsageError(`cannot create the folder ${options.out}: ${ioReason(error)}`);
      });
      const file = await writeNewFile(options.out, cardFileStem(options.name), kind.fileSuffixes[0], fillTemplate(template.text, options.name));
      process.stdout.write(`Created ${displayPath(file)} from the ${template.label} template. Fill in the TODOs, then run: modelcard lint ${displayPath(file)}\n`);
    });
}

interface NewOptions {
  kind: string;
  template: string;
  name: string;
  out: string;
  policy?: string;
}

const orgTemplateHelp = `Your organisation's templates: when the .modelcard-policy.yaml nearest --out (or the --policy
file) names a templates folder (templates: in the policy), its *.modelcard.yaml, *.datasheet.yaml
and *.systemcard.yaml files are templates too, named org:<file name without the suffix>
(org:clinical-imaging for clinical-imaging.modelcard.yaml). A wrong --template lists them.`;

/**
 * The template `--template` names among the organisation's (the policy's templates folder), for a
 * name that is no built-in template's. Files of that folder that are not templates are warned about.
 */
async function orgTemplate(kind: KindFiles, options: NewOptions): Promise<CardTemplate> {
  const policies = new PolicyFiles();
  const policy = checked(options.policy ? await policies.load(options.policy) : await policies.forFolder(path.resolve(options.out)));
  const org = policy && (await readOrgTemplates(policy));
  if (org?.folderProblem && options.template.startsWith(orgTemplatePrefix)) throw new UsageError(org.folderProblem);
  if (org) for (const problem of org.problems) process.stderr.write(`modelcard: warning: ${displayPath(org.folder)}${path.sep}${problem} (left out)\n`);
  const own = org?.templates.filter((template) => template.kindId === kind.id) ?? [];
  const found = own.find((template) => template.id === options.template);
  if (found) return found;
  const ids = [...kind.templates, ...own].map((known) => known.id);
  const closest = closestMatch(options.template, ids);
  throw new UsageError(`no ${kind.words.document} template is named "${options.template}"${closest ? ` (did you mean ${closest}?)` : ''}; the templates are ${ids.join(', ')}`);
}

/** The templates of each kind, for --help. */
function templateHelp(): string {
  const width = Math.max(...kindFiles.flatMap((kind) => kind.templates.map((template) => template.id.length))) + 2;
  return kindFiles
    .map((kind) => `Templates (--kind ${kindName(kind)}):\n${kind.templates.map((template) => `  ${template.id.padEnd(width)}${template.detail}`).join('\n')}`)
    .join('\n\n');
}

/** Writes `text` to the first free `stem[-N]<suffix>` in `folder`; never over an existing file, even one made meanwhile. */
async function writeNewFile(folder: string, stem: string, suffix: string, text: string): Promise<string> {
  const exists = (name: string) => access(path.join(folder, name)).then(() => true, () => false);
  for (;;) {
    const file = path.join(folder, await freeFileName(stem, exists, suffix));
    try {
      await writeFile(file, text, { flag: 'wx' });
      return file;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new UsageError(`cannot write ${file}: ${ioReason(error)}`);
    }
  }
}
