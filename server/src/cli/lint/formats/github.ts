import { messageText, oneBased, severityName, slashPath, type Formatter } from './report';

const commands: Record<string, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/**
 * GitHub Actions workflow commands: one `::error file=…,line=…::message` annotation per finding,
 * shown on the pull request's lines; a card that misses `--require-status` gets one on the card.
 */
export const formatGithub: Formatter = ({ cards, gateFailures }) => {
  const lines = cards.flatMap((card) => {
    const file = slashPath(card.path);
    const findings = card.diagnostics.map((diagnostic) => {
      const { line, column, endLine, endColumn } = oneBased(diagnostic);
      const properties = { file, line, col: column, endLine, endColumn, title: String(diagnostic.code) };
      return annotation(commands[severityName(diagnostic)], properties, messageText(diagnostic));
    });
    const gate = gateFailures.get(card.path);
    return gate ? [...findings, annotation('error', { file, title: 'require-status' }, gate)] : findings;
  });
  return lines.map((line) => `${line}\n`).join('');
};

function annotation(command: string, properties: Record<string, string | number>, message: string): string {
  const fields = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
  return `::${command} ${fields.join(',')}::${escapeData(message)}`;
}

/** As GitHub's toolkit (`@actions/core`) escapes a command's message. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value also escapes `:` and `,`, which separate properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
