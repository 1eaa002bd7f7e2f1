import { rulesByCode } from '../../../service/diagnostics/rules';
import type { DiagnosticData } from '../../../service/diagnostics/ruleTypes';
import { countBySeverity, messageText, oneBased, severityName, type Formatter } from './report';

/** Every card with its findings (positions from 1, rule name, the policy rule that asked for it, fix), what was fixed, and a summary. */
export const formatJson: Formatter = ({ cards, gateFailures }) => {
  const linted = cards.filter((card) => !card.error);
  const report = {
    files: linted.map((card) => ({
      path: card.path,
      ...(card.status ? { status: card.status } : {}),
      ...(gateFailures.has(card.path) ? { gate: gateFailures.get(card.path) } : {}),
      diagnostics: card.diagnostics.map((diagnostic) => ({
        ...oneBased(diagnostic),
        severity: severityName(diagnostic),
        code: diagnostic.code,
        rule: rulesByCode.get(String(diagnostic.code))?.name,
        message: messageText(diagnostic),
        ...findingData(diagnostic.data as DiagnosticData | undefined),
      })),
      ...(card.fixes.length > 0 ? { fixed: card.fixes.map(({ code, title, line }) => ({ code, title, line: line + 1 })) } : {}),
    })),
    summary: { cards: linted.length, ...countBySeverity(linted) },
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};

/** A finding's policy rule (policy findings) and its fix, each when it has one. */
function findingData(data: DiagnosticData | undefined): { policyRule?: string; fix?: unknown } {
  if (!data) return {};
  const { policyRule, ...fix } = data;
  return { ...(policyRule ? { policyRule } : {}), ...(Object.keys(fix).length > 0 ? { fix } : {}) };
}
