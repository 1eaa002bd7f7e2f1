import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { sectionDigest } from '../service/card/sectionDigest';
import { allowedRoles, sameRole } from '../service/card/signOffs';
import { createLanguageService } from '../service/languageService';
import { isoDate } from '../service/text/calendar';
import { listText } from '../service/text/listText';
import { CardSettingsResolver } from './cardSettingsResolver';
import type { SignOptions } from './commands/sign';
import { UsageError } from './errors';
import { readCardText, writeFileAtomic } from './files';

/** `modelcard sign`: appends the sign-off to the card file (one edit, the rest of the file as it was) and says what it signed. */
export async function runSign(file: string, options: SignOptions): Promise<void> {
  for (const [option, value] of [['--section', options.section], ['--role', options.role], ['--name', options.name]] as const) {
    if (value.trim() === '') throw new UsageError(`${option} is empty`);
  }
  const { settings } = await new CardSettingsResolver({ policy: options.policy }).forCard(file);
  const text = readCardText(file);
  const document = TextDocument.create(pathToFileURL(path.resolve(file)).href, 'modelcard', 1, text);
  const service = createLanguageService();
  const signOff = { section: options.section.trim(), role: options.role.trim(), name: options.name.trim(), date: options.date ?? isoDate(new Date()), ...(options.comment ? { comment: options.comment } : {}) };
  const { edits, refused } = service.governanceEdits(document, { signOff });
  if (refused) throw new UsageError(`${file}: ${refused}`);
  const signed = TextDocument.applyEdits(document, edits);
  writeFileAtomic(file, signed);
  const card = service.parse(document);
  const roles = allowedRoles(settings.policy, card, signOff.section);
  if (roles && !roles.some((role) => sameRole(role, signOff.role))) {
    process.stderr.write(`modelcard: warning: the policy has \`${signOff.section}\` signed by ${listText(roles)}, not ${signOff.role} (rule MC084 will report it)\n`);
  }
  const digest = sectionDigest(card.value, signOff.section);
  process.stdout.write(`Signed off \`${signOff.section}\` in ${file} as ${signOff.name} (${signOff.role}) on ${signOff.date} (${digest.slice(0, 19)}…).\n`);
}
