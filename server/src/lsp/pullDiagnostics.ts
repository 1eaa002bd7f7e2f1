import {
  DocumentDiagnosticReportKind,
  type Connection,
  type Diagnostic,
  type Disposable,
  type DocumentDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { DocumentDiagnosticRequest } from 'vscode-languageserver-protocol';
import { fileExists } from '../node/workspaceFiles';
import { documentFilePatterns } from '../node/workspaceFiles';
import { validateLinks } from '../service/diagnostics/validateLinks';
import type { WorkspaceDocuments } from './workspaceDocuments';

/** The pull-diagnostics provider's name: VS Code keeps its findings apart from the pushed ones. */
const identifier = 'modelcard-workspace';

/** Workspaces of this many documents or more are not checked whole unless the setting says `on`. */
export const workspaceValidationLimit = 2000;

/** `modelcard.validate.workspace`: `auto` checks the whole workspace when it holds fewer than 2,000 documents. */
export type WorkspaceValidation = 'auto' | 'on' | 'off';

/** The setting as given (`modelcard.validate.workspace`); anything else is `auto`. */
export function workspaceValidation(value: unknown): WorkspaceValidation {
  return value === 'on' || value === 'off' ? value : 'auto';
}

/**
 * Diagnostics for the documents that are not open, pulled by the client (`workspace/diagnostic`),
 * so that VS Code's Problems panel shows the whole workspace. Open documents keep their pushed
 * diagnostics (published on every edit): pulled, they are reported empty, so nothing shows twice.
 * Each report carries a result id (a hash of its findings); the client polls, and a document whose
 * findings did not change is reported `unchanged`.
 */
export class PullDiagnostics {
  private registration: Promise<Disposable> | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: WorkspaceDocuments,
  ) {
    connection.languages.diagnostics.on(({ textDocument }) => this.documentReport(textDocument.uri));
    connection.languages.diagnostics.onWorkspace(({ previousResultIds }) => ({
      items: this.workspaceReports(new Map(previousResultIds.map(({ uri, value }) => [uri, value]))),
    }));
  }

  /** Registers the provider (or withdraws it) as the setting and the size of the workspace say. */
  update(setting: WorkspaceValidation): void {
    const wanted = setting === 'on' || (setting === 'auto' && this.workspace.index.size < workspaceValidationLimit);
    if (wanted && !this.registration) {
      this.registration = this.connection.client.register(DocumentDiagnosticRequest.type, {
        identifier,
        interFileDependencies: true,
        workspaceDiagnostics: true,
        documentSelector: documentFilePatterns.map((pattern) => ({ scheme: 'file', pattern })),
      });
    } else if (!wanted && this.registration) {
      void this.registration.then((registration) => registration.dispose());
      this.registration = undefined;
    }
  }

  private documentReport(uri: string): DocumentDiagnosticReport {
    const findings = this.findings(uri);
    return { kind: DocumentDiagnosticReportKind.Full, resultId: resultId(findings), items: findings };
  }

  private workspaceReports(previous: Map<string, string>): WorkspaceDocumentDiagnosticReport[] {
    return [...this.workspace.index.entries()].flatMap((entry): WorkspaceDocumentDiagnosticReport[] => {
      const closed = this.workspace.findingsOfClosed(entry.uri);
      if (!closed) return [];
      const findings = this.findings(entry.uri);
      const id = resultId(findings);
      if (previous.get(entry.uri) === id) return [{ kind: DocumentDiagnosticReportKind.Unchanged, uri: entry.uri, version: null, resultId: id }];
      return [{ kind: DocumentDiagnosticReportKind.Full, uri: entry.uri, version: null, resultId: id, items: findings }];
    });
  }

  /** A closed document's own findings and those of its links; none for an open one (its findings are pushed). */
  private findings(uri: string): Diagnostic[] {
    const closed = this.workspace.findingsOfClosed(uri);
    if (!closed) return [];
    return [...closed.diagnostics, ...validateLinks(uri, this.workspace.index, closed.settings, fileExists)];
  }
}

/** A short hash of the findings (FNV-1a of their JSON): equal findings, equal id. */
function resultId(diagnostics: readonly Diagnostic[]): string {
  let hash = 0x811c9dc5;
  const text = JSON.stringify(diagnostics);
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return `${diagnostics.length}-${(hash >>> 0).toString(36)}`;
}
