import { parse } from 'yaml';

/** YAML 1.1 reads these plain scalars as booleans (PyYAML, the Hugging Face Hub). */
export const yaml11Booleans = /^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$/;

/** `text` as a YAML scalar: plain when that reads back as the same string everywhere, else quoted. */
export function yamlScalar(text: string): string {
  if (text !== '' && !yaml11Booleans.test(text) && readsBackAs(text, text)) return text;
  return `'${text.replace(/'/g, "''")}'`;
}

function readsBackAs(source: string, expected: string): boolean {
  try {
    return parse(source) === expected;
  } catch {
    return false;
  }
}

/** A path in a card as people read it: `metrics[0].value`. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the card';
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? shorten(segment) : `.${shorten(segment)}`)).join('');
}

/** Text from the card quoted in a message, cut to `limit` characters (a 1 MB key makes no message). */
export function shorten(text: string, limit = 60): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
