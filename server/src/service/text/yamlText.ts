/** YAML 1.1 reads these plain scalars as booleans (PyYAML, the Hugging Face Hub). */
export const yaml11Booleans = /^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$/;

/**
 * Text that every YAML parser reads as this same string when written plain: it starts with a
 * letter, holds only letters, digits, spaces and `_ . / + ( ) -`, does not end in a space, and is
 * no YAML keyword (true, null, .inf...). Anything else gets quoted: quoting is always safe.
 */
const plainSafe = /^[A-Za-z](?:[\w .\/+()-]*[\w./+()-])?$/;
const yamlKeywords = /^(?:true|false|null|yes|no|on|off|y|n|~)$/i;
/** The `yaml` library's YAML 1.1 schema reads `e0` and the like as a (NaN) float. */
const exponentLike = /^[eE][-+]?\d/;

/**
 * `text` as a YAML scalar: plain when that reads back as the same string everywhere, else
 * single-quoted, or double-quoted with escapes when it holds line breaks or control characters.
 */
export function yamlScalar(text: string): string {
  if (plainSafe.test(text) && !yamlKeywords.test(text) && !exponentLike.test(text)) return text;
  // JSON string escapes are valid in a YAML double-quoted scalar.
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text)) return JSON.stringify(text);
  return `'${text.replace(/'/g, "''")}'`;
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
