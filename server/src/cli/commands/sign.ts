import { Command, InvalidArgumentError } from 'commander';
import { isCalendarDate } from '../../service/text/calendar';

export interface SignOptions {
  section: string;
  role: string;
  name: string;
  date?: string;
  comment?: string;
  policy?: string;
}

export function signCommand(): Command {
  return new Command('sign')
    .summary('sign off a section of a card')
    .description(
      "Append a sign-off of one section to the card's governance.sign_offs, with the digest of the section as it is now: a later change to the section makes the sign-off stale (rule MC082). The card is edited in place, keeping its comments and layout.",
    )
    .argument('<card>', 'the card file')
    .requiredOption('-s, --section <section>', 'the section signed: a top-level key (quantitative_analyses) or a key inside one (governance.regulations)')
    .requiredOption('-r, --role <role>', "the signer's role, as the policy names it (e.g. data science)")
    .requiredOption('-n, --name <name>', "the signer's name")
    .option('-d, --date <date>', 'the date of the sign-off, YYYY-MM-DD (default: today)', calendarDate)
    .option('-c, --comment <comment>', 'a note of the signer')
    .option('--policy <file>', "the organisation's policy, instead of the nearest .modelcard-policy.yaml (to check the role)")
    .addHelpText('after', '\nExample:\n  modelcard sign models/triage.modelcard.yaml --section quantitative_analyses --role "data science" --name "A. Rivera"')
    .action(async (card: string, options: SignOptions) => {
      const { runSign } = await import('../signCard');
      await runSign(card, options);
    });
}

function calendarDate(value: string): string {
  if (!isCalendarDate(value)) throw new InvalidArgumentError('expected a date as YYYY-MM-DD, e.g. 2026-03-02');
  return value;
}
