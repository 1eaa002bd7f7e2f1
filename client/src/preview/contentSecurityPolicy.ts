import { randomBytes } from 'node:crypto';

/** A fresh nonce for one page of the preview: only the script and styles that carry it may run. */
export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

/**
 * The preview's Content Security Policy: nothing by default; images and styles from the
 * extension's own files (`cspSource`) only, the one script that carries the nonce, no forms, no
 * `<base>`. The card's content can add no script, style, frame or remote request.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}
