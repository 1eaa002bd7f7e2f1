import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { isRecord, valueAt } from './values';

/**
 * The digest a sign-off records: `sha256:` and the lowercase hex SHA-256 of the UTF-8 bytes of
 * the section's canonical JSON (see `canonicalJson`). It is computed from the card's parsed data,
 * so comments, layout, quoting, flow or block style and key order do not change it; any value does.
 * A section that is absent has the digest of `null`.
 *
 * SHA-256 is @noble/hashes' pure JavaScript one: synchronous, and the same in Node, a browser and
 * a webview (node:crypto is Node's only; Web Crypto's digest is asynchronous).
 */
export function sectionDigest(cardValue: unknown, section: string): string {
  return contentDigest(valueAt(cardValue, sectionPath(section)) ?? null);
}

export function contentDigest(value: unknown): string {
  return `sha256:${bytesToHex(sha256(utf8ToBytes(canonicalJson(value))))}`;
}

/** A sign-off's `section` (`intended_use`, `governance.regulations`) as a path into the card. */
export function sectionPath(section: string): string[] {
  return section.split('.');
}

/**
 * The canonical JSON of a card value, as RFC 8785 (JSON Canonicalization Scheme) writes JSON
 * data: no whitespace; object members sorted by their keys' UTF-16 code units; strings as
 * JSON.stringify escapes them; numbers in ECMAScript's shortest round-trip form (so `0.90`, `.9`
 * and `9e-1` are all `0.9`, and `1.0` is `1`). Two things YAML has and JSON lacks are given a
 * fixed form: the non-finite numbers `.nan`, `.inf` and `-.inf` are written as the strings
 * "NaN", "Infinity" and "-Infinity", and keys whose value is undefined are left out.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const members = Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${members.join(',')}}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return JSON.stringify(String(value));
  return JSON.stringify(value) ?? 'null';
}
