import { rulesByCode } from '../../../service/diagnostics/rules';
import { fingerprints, messageText, oneBased, severityName, slashPath, type Formatter } from './report';

/** GitLab's severities: info, minor, major, critical, blocker. */
const severities: Record<string, string> = { error: 'major', warning: 'minor', information: 'info', hint: 'info' };

/**
 * A GitLab code quality report (the Code Climate JSON subset GitLab reads): one issue per finding,
 * with a fingerprint that stays the same when lines move, so merge requests show only new findings.
 */
export const formatGitlab: Formatter = ({ cards }) => {
  const issues = cards.flatMap((card) => {
    const hashes = fingerprints(card);
    return card.diagnostics.map((diagnostic, index) => ({
      description: `${messageText(diagnostic)} (${String(diagnostic.code)})`,
      check_name: rulesByCode.get(String(diagnostic.code))?.name ?? String(diagnostic.code),
      fingerprint: hashes[index],
      severity: severities[severityName(diagnostic)],
      location: { path: slashPath(card.path), lines: { begin: oneBased(diagnostic).line } },
    }));
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
};
