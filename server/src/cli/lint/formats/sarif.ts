import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rulesByCode } from '../../../service/diagnostics/rules';
import { effectiveSeverity } from '../../../service/diagnostics/validate';
import { version } from '../../version';
import { fingerprints, messageText, oneBased, severityName, slashPath, type Formatter } from './report';

const levels: Record<string, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note', off: 'none' };
/** Where artifact URIs start: the folder the command ran in (the repository root in CI). */
const sourceRoot = '%SRCROOT%';

/**
 * SARIF 2.1.0 for code scanning (GitHub, Azure DevOps): every rule with its help, one result per
 * finding located relative to %SRCROOT%, and a fingerprint that survives moved lines.
 */
export const formatSarif: Formatter = ({ cards, settings }) => {
  const rules = [...rulesByCode.values()];
  const ruleIndex = new Map<string, number>(rules.map((rule, index) => [rule.code, index]));
  const cwd = process.cwd();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'modelcard',
            fullName: 'Model Card Studio',
            version,
            semanticVersion: version,
            rules: rules.map((rule) => {
              const setting = `--rule ${rule.code}=warning`;
              return {
                id: rule.code,
                name: rule.name,
                shortDescription: { text: rule.name },
                fullDescription: { text: rule.rationale },
                help: {
                  text: `${rule.rationale} Change its severity with ${setting}, or under rules: in .modelcardrc.yaml.`,
                  markdown: `**${rule.name}** (${rule.code})\n\n${rule.rationale}\n\nChange its severity with \`${setting}\`, or in \`.modelcardrc.yaml\`:\n\n\`\`\`yaml\nrules:\n  ${rule.code}: warning\n\`\`\``,
                },
                defaultConfiguration: { level: levels[effectiveSeverity(rule, settings)] },
                properties: { tags: ['model-card'] },
              };
            }),
          },
        },
        originalUriBaseIds: { [sourceRoot]: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
        columnKind: 'utf16CodeUnits',
        results: cards.flatMap((card) => {
          const artifactLocation = artifact(card.path, cwd);
          const hashes = fingerprints(card);
          return card.diagnostics.map((diagnostic, index) => {
            const { line, column, endLine, endColumn } = oneBased(diagnostic);
            return {
              ruleId: String(diagnostic.code),
              ruleIndex: ruleIndex.get(String(diagnostic.code)) ?? -1,
              level: levels[severityName(diagnostic)],
              message: { text: messageText(diagnostic) },
              locations: [{ physicalLocation: { artifactLocation, region: { startLine: line, startColumn: column, endLine, endColumn } } }],
              partialFingerprints: { 'modelcardFinding/v1': hashes[index] },
            };
          });
        }),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
};

/** A card's location: a URI relative to %SRCROOT% when it is below it, else an absolute file URI. */
function artifact(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: slashPath(relative).split('/').map(encodeURIComponent).join('/'), uriBaseId: sourceRoot };
}
