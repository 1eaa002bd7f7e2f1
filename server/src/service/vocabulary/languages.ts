import { namedLanguages, otherLanguageCodes } from './vocabularies';

let codes: Set<string> | undefined;
let codeByName: Map<string, string> | undefined;

/** Whether `code` is an ISO 639-1, -2 or -3 code, or one of the Hub's special values (multilingual, code). */
export function isLanguageCode(code: string): boolean {
  codes ??= new Set([...namedLanguages.map((term) => term.id), ...otherLanguageCodes.split(' ')]);
  return codes.has(code);
}

/**
 * The code for a language written another way: a name ("English", "french"), a code in capitals
 * ("EN") or with a region or script ("en-US", "zh_Hans"). Undefined when it cannot be told.
 */
export function languageCodeOf(text: string): string | undefined {
  const written = text.trim();
  if (isLanguageCode(written)) return written;
  const lower = written.toLowerCase();
  if (isLanguageCode(lower)) return lower;
  const tagged = /^([a-z]{2,3})[-_][a-z0-9]{2,8}$/.exec(lower);
  if (tagged && isLanguageCode(tagged[1])) return tagged[1];
  if (!codeByName) {
    // The first code listed for a name wins: ISO 639-1 codes come first.
    codeByName = new Map();
    for (const term of namedLanguages) {
      for (const name of term.name.toLowerCase().split(/\s*;\s*/)) if (name && !codeByName.has(name)) codeByName.set(name, term.id);
    }
  }
  return codeByName.get(lower);
}
