import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import { defaultSettings } from '../../server/src/protocol';
import { modelcard, repoRoot } from '../helpers/cli';
import { LspTestClient } from '../helpers/lspClient';

const exampleFolder = path.join(repoRoot, 'examples/governance');
const cardName = 'chest-xray-triage.modelcard.yaml';
const policyName = '.modelcard-policy.yaml';
const example = readFileSync(path.join(exampleFolder, cardName), 'utf8');
/** The example with a signed section changed (its sign-off goes stale) and an inventory id the policy's pattern refuses. */
const edited = example.replace('  - name: specificity\n    value: 0.88', '  - name: specificity\n    value: 0.91').replace('x-inventory-id: NW-0142', 'x-inventory-id: AB-142');

interface Finding {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
  policyRule?: string;
}
const severityNames: Record<number, string> = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'information', [DiagnosticSeverity.Hint]: 'hint' };

/** The editor's diagnostics in the CLI's JSON terms (positions from 1). */
function asReported(diagnostic: Diagnostic): Finding {
  const policyRule = (diagnostic.data as { policyRule?: string } | undefined)?.policyRule;
  return {
    line: diagnostic.range.start.line + 1,
    column: diagnostic.range.start.character + 1,
    endLine: diagnostic.range.end.line + 1,
    endColumn: diagnostic.range.end.character + 1,
    severity: severityNames[diagnostic.severity!],
    code: String(diagnostic.code),
    message: String(diagnostic.message),
    ...(policyRule ? { policyRule } : {}),
  };
}

function cliFindings(args: string[], cwd: string): Finding[] {
  const run = modelcard(['lint', '--format', 'json', ...args], cwd);
  const report = JSON.parse(run.stdout) as { files: { diagnostics: (Finding & { rule: string; fix?: unknown })[] }[] };
  assert.equal(report.files.length, 1, run.stderr);
  return report.files[0].diagnostics.map(({ rule: _rule, fix: _fix, ...finding }) => finding);
}

describe('one policy file drives the editor and modelcard lint alike', () => {
  let folder: string;
  let client: LspTestClient | undefined;

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'modelcard-policy-'));
    cpSync(exampleFolder, path.join(folder, 'governance'), { recursive: true });
    writeFileSync(path.join(folder, 'governance', cardName), edited);
  });

  afterEach(() => {
    if (client?.isRunning) client.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  it('the example card is clean under its policy, in the CLI', () => {
    assert.deepEqual(cliFindings([cardName], exampleFolder), []);
  });

  it('finds the policy above the card: the same findings, ranges and policy rule ids in the editor as in lint', async () => {
    const expected = cliFindings([path.join('governance', cardName)], folder);
    assert.deepEqual(
      expected.map(({ code, policyRule }) => [code, policyRule]),
      [['MC081', 'inventory-id'], ['MC082', undefined]],
    );
    assert.match(expected[1].message, /^`metrics` changed after A\. Rivera \(data science\) signed it on 2026-03-02/);
    client = await LspTestClient.start();
    const uri = pathToFileURL(path.join(folder, 'governance', cardName)).href;
    await client.open(uri, edited);
    const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0);
    assert.deepEqual(published.diagnostics.map(asReported), expected);
  });

  it('takes a policy named by --policy and by the modelcard.policy setting, for a card with none above it', async () => {
    const elsewhere = path.join(folder, 'elsewhere');
    cpSync(path.join(folder, 'governance', cardName), path.join(elsewhere, cardName));
    const policyFile = path.join(folder, 'governance', policyName);
    // Without a policy the defaults apply: a stale digest is still a finding, the inventory id is not.
    assert.deepEqual(cliFindings([cardName], elsewhere).map(({ code }) => code), ['MC082']);
    const expected = cliFindings(['--policy', policyFile, cardName], elsewhere);
    assert.deepEqual(expected.map(({ code }) => code), ['MC081', 'MC082']);

    client = await LspTestClient.start({ configuration: (items) => items.map(() => ({ ...defaultSettings, policy: policyFile })) });
    const uri = pathToFileURL(path.join(elsewhere, cardName)).href;
    await client.open(uri, edited);
    const published = await client.waitForDiagnostics(uri, (params) => params.diagnostics.length > 0);
    assert.deepEqual(published.diagnostics.map(asReported), expected);
  });
});
