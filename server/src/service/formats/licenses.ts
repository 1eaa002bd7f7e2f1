import { spdxLicenses } from '../vocabulary/vocabularies';
import { closestHubLicense, hubLicenseIds } from './huggingFace/hubMetadata';

let spdxByLowerCase: Map<string, string> | undefined;

/** The SPDX id `text` spells (in any case), e.g. `apache-2.0` → `Apache-2.0`. */
export function spdxIdOf(text: string): string | undefined {
  spdxByLowerCase ??= new Map(spdxLicenses.map((term) => [term.id.toLowerCase(), term.id]));
  return spdxByLowerCase.get(text.trim().toLowerCase());
}

/**
 * The licence id a card can hold for a licence written in another format: a Hub id or an SPDX id
 * as written, the same id in other case, or a common spelling of one (`Apache 2.0` → `apache-2.0`).
 * Undefined when the text names no licence we know (a custom licence's text, for instance).
 */
export function cardLicenseOf(text: string): string | undefined {
  const written = text.trim();
  if (hubLicenseIds.has(written)) return written;
  const spdx = spdxIdOf(written);
  if (spdx) return spdx;
  const hub = closestHubLicense(written);
  return hub && hub.replace(/[^a-z0-9]/g, '') === written.toLowerCase().replace(/licen[cs]e/, '').replace(/[^a-z0-9]/g, '') ? hub : undefined;
}

/** A card's licence as the Hub takes it: a Hub id, or `other` with a name and a link for an SPDX id the Hub does not list. */
export function hubLicenseOf(license: string): { license: string; license_name?: string; license_link?: string } {
  if (hubLicenseIds.has(license)) return { license };
  if (hubLicenseIds.has(license.toLowerCase())) return { license: license.toLowerCase() };
  const spdx = spdxIdOf(license);
  return { license: 'other', license_name: spdx ?? license, ...(spdx ? { license_link: `https://spdx.org/licenses/${spdx}.html` } : {}) };
}
