import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { messageText, oneBased, severityName, type Formatter } from './report';

/**
 * JUnit XML for CI test reports: one test case per card. A card fails when it has findings at
 * error level or misses `--require-status`; the failure lists its findings. A card with warnings
 * only passes, its findings in `system-out`.
 */
export const formatJunit: Formatter = ({ cards, gateFailures }) => {
  const linted = cards.filter((card) => !card.error);
  let failures = 0;
  const cases = linted.map((card) => {
    const findings = card.diagnostics.map((diagnostic) => {
      const { line, column } = oneBased(diagnostic);
      return `${card.path}:${line}:${column} ${severityName(diagnostic)} ${String(diagnostic.code)} ${messageText(diagnostic)}`;
    });
    const gate = gateFailures.get(card.path);
    const errors = card.diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).length;
    const name = attribute(card.path);
    if (errors === 0 && !gate) {
      const output = findings.length > 0 ? `\n      <system-out>${text(findings.join('\n'))}</system-out>\n    ` : '';
      return `    <testcase name="${name}" classname="${name}" file="${name}">${output}</testcase>`;
    }
    failures++;
    const summary = [errors > 0 ? `${errors} error${errors === 1 ? '' : 's'}` : '', gate ?? ''].filter(Boolean).join('; ');
    const body = [...(gate ? [gate] : []), ...findings].join('\n');
    return (
      `    <testcase name="${name}" classname="${name}" file="${name}">\n` +
      `      <failure message="${attribute(summary)}" type="modelcard">${text(body)}</failure>\n    </testcase>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="modelcard lint" tests="${linted.length}" failures="${failures}" errors="0">\n` +
    `  <testsuite name="modelcard lint" tests="${linted.length}" failures="${failures}" errors="0" skipped="0">\n` +
    `${cases.map((line) => `${line}\n`).join('')}  </testsuite>\n</testsuites>\n`
  );
};

/** Characters XML 1.0 cannot hold at all (control characters a card's text may quote), as U+FFFD. */
function xmlCharacters(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

function text(value: string): string {
  return xmlCharacters(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
