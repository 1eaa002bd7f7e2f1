import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { ServerSpec } from './lspSession';

/** A server under benchmark, and how to tell its schema diagnostics from its other ones. */
export interface BenchServer extends ServerSpec {
  isSchemaDiagnostic: (diagnostic: Diagnostic) => boolean;
  /** A fixed delay the server waits after a change before it validates (a debounce), in ms. */
  validationDelayMs: number;
}

const projectRoot = path.resolve(__dirname, '..');
const schemaUri = pathToFileURL(path.join(projectRoot, 'schemas/modelcard.schema.json')).href;

/** Codes of our rules that report schema violations (unknown key, wrong type, invalid value, missing field, format). */
const ourSchemaCodes = new Set(['MC010', 'MC011', 'MC012', 'MC013', 'MC014']);

export const ourServer: BenchServer = {
  label: 'ours',
  script: path.join(projectRoot, 'dist/server.js'),
  args: ['--stdio'],
  languageId: 'modelcard',
  // Every `modelcard` setting at its default.
  configuration: (items) => items.map(() => null),
  isSchemaDiagnostic: (diagnostic) => ourSchemaCodes.has(String(diagnostic.code)),
  // Validates as soon as the messages already received are handled (ValidationScheduler).
  validationDelayMs: 0,
};

/**
 * Red Hat's yaml-language-server settings: our schema for `*.modelcard.yaml`. The schema store
 * and the Kubernetes CRD store are off, so the peer never waits on the network.
 */
const peerYamlSettings = {
  schemas: { [schemaUri]: ['*.modelcard.yaml'] },
  validate: true,
  completion: true,
  hover: true,
  schemaStore: { enable: false },
  kubernetesCRDStore: { enable: false },
};

export const peerServer: BenchServer = {
  label: 'peer',
  script: path.join(path.dirname(require.resolve('yaml-language-server/package.json')), 'bin/yaml-language-server'),
  args: ['--stdio'],
  languageId: 'yaml',
  // It ignores the pushed settings and pulls the sections `yaml`, `http`, `[yaml]` and `editor`.
  configuration: (items) => items.map((item) => (item.section === 'yaml' ? peerYamlSettings : {})),
  settings: { yaml: peerYamlSettings },
  isSchemaDiagnostic: (diagnostic) => diagnostic.source?.startsWith('yaml-schema:') === true,
  // `validationDelayMs = 200` in its out/server/src/yamlSettings.js; no setting changes it.
  validationDelayMs: 200,
};
