import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Catalogue } from '../../protocol';
import type { DocumentKind } from '../kinds/documentKind';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';

/**
 * The catalogue view's content: every indexed document with its summary (and a system's
 * components), by path. Its counts are its own findings and those of its links (`linkFindings`),
 * as the Problems panel lists them.
 */
export function catalogue(index: WorkspaceIndex, kinds: readonly DocumentKind[], linkFindings: (uri: string) => readonly Diagnostic[] = () => []): Catalogue {
  const documents = [...index.entries()].map(({ uri, summary, components }) => {
    const links = linkFindings(uri);
    const count = (severity: DiagnosticSeverity) => links.filter((diagnostic) => diagnostic.severity === severity).length;
    return { uri, ...summary, errors: summary.errors + count(DiagnosticSeverity.Error), warnings: summary.warnings + count(DiagnosticSeverity.Warning), ...(components ? { components } : {}) };
  });
  return { kinds: kinds.map(({ id, label }) => ({ id, label })), documents: documents.sort((a, b) => a.uri.localeCompare(b.uri)) };
}
