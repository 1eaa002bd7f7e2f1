// `npm run sync:rules`: rewrites what the manifest and the READMEs say about the rules and the
// settings from their one source, the code: the rules (server/src/service/diagnostics/rules) and
// the settings (server/src/protocol.ts). That is the rule codes and names `modelcard.rules`
// accepts and the severities it takes (package.json), the rules its description lists
// (package.nls.json), the default of `modelcard.placeholders` (package.json, client/README.md),
// the rules and severities the project config takes (schemas/modelcardrc.schema.json) and the rules
// table of README.md. test/unit/ruleDocs.test.ts fails when one is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultSettings, severityAliases, severitySettings } from '../server/src/protocol';
import { rulesByCode } from '../server/src/service/diagnostics/rules';

const root = path.resolve(__dirname, '..');
const rules = [...rulesByCode.values()];
/** Every spelling a severity setting takes: the severities, then their aliases (`warn`, `info`). */
const severitySpellings = [...severitySettings, ...Object.keys(severityAliases)];

/** A file (relative to the repository root) and the text it must have. */
export interface SyncedFile {
  file: string;
  text: string;
}

/** Every file that lists the rules or the settings' defaults, with that list made from the code. */
export function syncedRuleDocs(): SyncedFile[] {
  return [
    { file: 'package.json', text: editJson('package.json', syncManifest) },
    { file: 'package.nls.json', text: editJson('package.nls.json', syncSettingDescriptions) },
    { file: 'schemas/modelcardrc.schema.json', text: editJson('schemas/modelcardrc.schema.json', syncConfigSchema) },
    { file: 'README.md', text: replaceRulesTable(read('README.md')) },
    { file: 'client/README.md', text: replacePlaceholdersDefault(read('client/README.md')) },
  ];
}

function read(file: string): string {
  return readFileSync(path.join(root, file), 'utf8');
}

/** Edits a JSON file as data; the text keeps the file's layout (two-space indentation, final newline). */
function editJson(file: string, edit: (json: Record<string, any>) => void): string {
  const json = JSON.parse(read(file));
  edit(json);
  return `${JSON.stringify(json, null, 2)}\n`;
}

function syncManifest(manifest: Record<string, any>): void {
  const settings = manifest.contributes.configuration.properties;
  settings['modelcard.rules'].propertyNames.enum = rules.flatMap((rule) => [rule.code, rule.name]);
  settings['modelcard.rules'].additionalProperties.enum = severitySpellings;
  settings['modelcard.placeholders'].default = [...defaultSettings.placeholders];
}

function syncSettingDescriptions(nls: Record<string, any>): void {
  const aliasOf = (severity: string) => Object.keys(severityAliases).find((alias) => severityAliases[alias] === severity);
  const spelled = severitySettings.map((severity) => (aliasOf(severity) ? `${code(severity)} (or ${code(aliasOf(severity)!)})` : code(severity)));
  const severities = `${spelled.slice(0, -1).join(', ')} or ${spelled[spelled.length - 1]}`;
  const ruleList = rules.map((rule) => `${code(rule.code)} ${rule.name} (${rule.defaultSeverity})`).join(', ');
  nls['config.rules'] =
    `Severity of each check, by rule code or rule name: ${severities}. For example \`{"MC003": "information", "placeholder": "off"}\`. ` +
    `Entries here override the project's \`.modelcardrc.yaml\`, rule by rule.\n\n` +
    `The rules, with their default severity: ${ruleList}.`;
}

/** The project config's schema: the rule codes and names `rules` takes, and their severities. */
function syncConfigSchema(schema: Record<string, any>): void {
  schema.properties.rules.propertyNames.enum = rules.flatMap((rule) => [rule.code, rule.name]);
  schema.properties.rules.additionalProperties.enum = severitySpellings;
}

const tableStart = '<!-- rules-table:start';
const tableEnd = '<!-- rules-table:end -->';

/** The README's rules table, between its two marker comments. */
function replaceRulesTable(readme: string): string {
  const start = readme.indexOf(tableStart);
  const end = readme.indexOf(tableEnd);
  if (start < 0 || end < start) throw new Error(`README.md has no "${tableStart} ... -->" and "${tableEnd}" lines around its rules table`);
  const afterStart = readme.indexOf('\n', start) + 1;
  const rows = rules.map((rule) => `| ${rule.code} | ${rule.name} | ${rule.summary.replace(/\|/g, '\\|')} | ${rule.defaultSeverity} |`);
  const table = ['| Code | Name | What it finds | Default |', '| --- | --- | --- | --- |', ...rows].join('\n');
  return `${readme.slice(0, afterStart)}${table}\n${readme.slice(end)}`;
}

/** The default cell of the `modelcard.placeholders` row in the Marketplace README's settings table. */
function replacePlaceholdersDefault(readme: string): string {
  const row = /^(\| `modelcard\.placeholders` \| )[^|\n]*( \|)/m;
  if (!row.test(readme)) throw new Error('client/README.md has no "| `modelcard.placeholders` | ... |" settings row');
  return readme.replace(row, (_row, before: string, after: string) => `${before}${defaultSettings.placeholders.map(code).join(', ')}${after}`);
}

const code = (text: string) => `\`${text}\``;

if (require.main === module) {
  for (const { file, text } of syncedRuleDocs()) {
    if (read(file) === text) continue;
    writeFileSync(path.join(root, file), text);
    console.log(`updated ${file}`);
  }
}
