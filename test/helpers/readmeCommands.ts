import MarkdownIt from 'markdown-it';

/**
 * A command of a README `sh` block, and what its comment promises. The comments follow a small
 * grammar, so that a test can hold the README to them:
 * - `exit code N`: the command exits with N (without it: 0);
 * - "quoted text": the output (stdout and stderr) holds it;
 * - `no MC061 or MC062` (codes joined by `,`, `or`, `and`): the output holds none of them.
 */
export interface ReadmeCommand {
  /** The command as written, continuation lines included: what bash runs. */
  text: string;
  /** Its words as bash splits them (quotes removed), up to its comment. */
  words: string[];
  comment: string;
  exitCode: number;
  prints: string[];
  absentCodes: string[];
  /** Its first line in the README, from 1. */
  line: number;
}

/** The commands of the `sh` blocks of the README section under `heading` (any level), in order. */
export function readmeCommands(markdown: string, heading: string): ReadmeCommand[] {
  const tokens = new MarkdownIt().parse(markdown, {});
  const start = tokens.findIndex((token, index) => token.type === 'heading_open' && tokens[index + 1]?.content === heading);
  if (start === -1) throw new Error(`the README has no section "${heading}"`);
  const level = tokens[start].tag;
  const end = tokens.findIndex((token, index) => index > start && token.type === 'heading_open' && token.tag <= level);
  return tokens
    .slice(start, end === -1 ? undefined : end)
    .filter((token) => token.type === 'fence' && token.info.trim() === 'sh')
    .flatMap((fence) => commandsOf(fence.content, fence.map![0] + 2));
}

/** The commands of a shell script: comment lines and blank lines are left out, `\` continues a line. */
function commandsOf(script: string, firstLine: number): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  let pending: { lines: string[]; line: number } | undefined;
  script.split('\n').forEach((line, index) => {
    if (!pending && (line.trim() === '' || line.trim().startsWith('#'))) return;
    pending ??= { lines: [], line: firstLine + index };
    pending.lines.push(line);
    if (line.endsWith('\\')) return;
    commands.push(readmeCommand(pending.lines.join('\n'), pending.line));
    pending = undefined;
  });
  if (pending) commands.push(readmeCommand(pending.lines.join('\n'), pending.line));
  return commands;
}

function readmeCommand(text: string, line: number): ReadmeCommand {
  const { words, comment } = shellWords(text.replace(/\\\n/g, ' '));
  const exitCode = /\bexit code (\d+)/.exec(comment);
  return {
    text,
    words,
    comment,
    exitCode: exitCode ? Number(exitCode[1]) : 0,
    prints: [...comment.matchAll(/"([^"]+)"/g)].map((match) => match[1]),
    absentCodes: [...comment.matchAll(/\bno (MC\d{3}(?:(?:,|,? or|,? and) MC\d{3})*)/g)].flatMap((match) => match[1].match(/MC\d{3}/g)!),
    line,
  };
}

/**
 * Splits one line as bash splits it into words: quotes group and are removed, a backslash escapes
 * the next character outside single quotes, and a `#` that starts a word starts the comment.
 * (No expansions: the README's commands need none.)
 */
function shellWords(line: string): { words: string[]; comment: string } {
  const words: string[] = [];
  /** The word being read; undefined between words. */
  let word: string | undefined;
  let quote: "'" | '"' | undefined;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quote) {
      const escaped = char === '\\' && quote === '"' && '"\\$`'.includes(line[index + 1] ?? '');
      if (char === quote) quote = undefined;
      else word = `${word ?? ''}${escaped ? line[++index] : char}`;
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === '#' && word === undefined) {
      return { words, comment: line.slice(index + 1).trim() };
    } else if (char === "'" || char === '"') {
      quote = char;
      word ??= '';
    } else {
      word = `${word ?? ''}${char === '\\' ? (line[++index] ?? '') : char}`;
    }
  }
  if (word !== undefined) words.push(word);
  return { words, comment: '' };
}
