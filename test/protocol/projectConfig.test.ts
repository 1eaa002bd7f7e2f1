import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { defaultSettings } from '../../server/src/protocol';
import { folderWith } from '../helpers/cli';
import { LspTestClient } from '../helpers/lspClient';
import { completeCard } from '../helpers/ruleTests';

/** A card that every rule accepts but MC030, for a `TODO` on line 13. */
const todoCard = completeCard.replace('No personal data', 'TODO');
const placeholderSeverity = (params: PublishDiagnosticsParams) => params.diagnostics.find((diagnostic) => diagnostic.code === 'MC030')?.severity;

describe('the server reads the project config, as modelcard lint does', () => {
  let folder: string;
  let client: LspTestClient | undefined;
  const uriOf = (file: string) => pathToFileURL(path.join(folder, file)).href;

  beforeEach(() => {
    folder = folderWith({
      '.modelcardrc.yaml': 'rules:\n  placeholder: error\nignore: [drafts]\n',
      'card.modelcard.yaml': todoCard,
      'drafts/wip.modelcard.yaml': todoCard,
      'team/.modelcardrc.yaml': 'rules:\n  MC003: loud\n',
      'team/card.modelcard.yaml': todoCard,
    });
  });

  afterEach(() => {
    if (client?.isRunning) client.kill();
    rmSync(folder, { recursive: true, force: true });
  });

  it('checks a card with the nearest config, and gives the cards it ignores no findings', async () => {
    client = await LspTestClient.start();
    await client.open(uriOf('card.modelcard.yaml'), todoCard);
    assert.equal(placeholderSeverity(await client.waitForDiagnostics(uriOf('card.modelcard.yaml'))), DiagnosticSeverity.Error);
    await client.open(uriOf('drafts/wip.modelcard.yaml'), todoCard);
    assert.deepEqual((await client.waitForDiagnostics(uriOf('drafts/wip.modelcard.yaml'))).diagnostics, []);
  });

  it('puts the explicit editor settings over the config, rule by rule; default placeholders do not replace the config’s', async () => {
    writeFileSync(path.join(folder, '.modelcardrc.yaml'), 'rules:\n  MC030: error\n  MC001: off\nplaceholders: [PENDING]\n');
    const editorSettings = { placeholders: defaultSettings.placeholders, rules: { placeholder: 'hint' } };
    client = await LspTestClient.start({ configuration: (items) => items.map(() => editorSettings) });
    const card = todoCard.replace('TODO', 'PENDING').replace(/limitations: .*\n/, '');
    await client.open(uriOf('card.modelcard.yaml'), card);
    const published = await client.waitForDiagnostics(uriOf('card.modelcard.yaml'));
    assert.deepEqual(published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity]), [['MC030', DiagnosticSeverity.Hint]]);
  });

  it('watches config and policy files, and re-checks open cards when one changes', async () => {
    client = await LspTestClient.start({ watchFiles: true });
    const registration = await client.waitFor(() => client!.registrations.find((entry) => entry.method === 'workspace/didChangeWatchedFiles'), 'the watcher registration');
    assert.deepEqual(registration.registerOptions, {
      watchers: [
        { globPattern: '**/.modelcardrc.yaml' },
        { globPattern: '**/.modelcardrc.yml' },
        { globPattern: '**/package.json' },
        { globPattern: '**/.modelcard-policy.yaml' },
        { globPattern: '**/.modelcard-policy.yml' },
        { globPattern: '**/*.modelcard.yaml' },
        { globPattern: '**/*.modelcard.yml' },
        { globPattern: '**/*.datasheet.yaml' },
        { globPattern: '**/*.datasheet.yml' },
        { globPattern: '**/*.systemcard.yaml' },
        { globPattern: '**/*.systemcard.yml' },
      ],
    });
    const uri = uriOf('card.modelcard.yaml');
    await client.open(uri, todoCard);
    await client.waitForDiagnostics(uri, (params) => placeholderSeverity(params) === DiagnosticSeverity.Error);
    writeFileSync(path.join(folder, '.modelcardrc.yaml'), 'rules:\n  placeholder: off\n');
    const published = client.published.length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('.modelcardrc.yaml'), type: 2 }] });
    // The validation that follows opening (after the card's tracker runs are read) may still come first: wait for the check with the new config.
    const rechecked = await client.waitFor(() => client!.published.slice(published).find((params) => params.uri === uri && placeholderSeverity(params) === undefined), 'the card checked again');
    assert.equal(rechecked.diagnostics.some((diagnostic) => diagnostic.code === 'MC030'), false);
  });

  it('shows the problems of a config file on that file, at their positions', async () => {
    client = await LspTestClient.start();
    await client.open(uriOf('team/card.modelcard.yaml'), todoCard);
    const problems = await client.waitForDiagnostics(uriOf('team/.modelcardrc.yaml'));
    assert.deepEqual(
      problems.diagnostics.map(({ range, severity, message }) => ({ range, severity, message })),
      [
        {
          range: { start: { line: 1, character: 9 }, end: { line: 1, character: 9 } },
          severity: DiagnosticSeverity.Error,
          message: '`loud` is not a severity for MC003: use error, warning, information, hint, off (warn and info for short)',
        },
      ],
    );
  });
});
