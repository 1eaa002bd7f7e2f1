import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ModelCardSettings } from '../../protocol';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { crossFileRules } from './rules';
import type { CrossFileContext } from './ruleTypes';
import { diagnosticSource, effectiveSeverity } from './validate';

const lspSeverity = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

/**
 * The cross-file diagnostics of the document at `uri`: its links checked against the documents of
 * the index (and, for files the index does not hold, `fileExists`), under the user's severities.
 * None for a document the index does not hold.
 */
export function validateLinks(uri: string, index: WorkspaceIndex, settings: ModelCardSettings, fileExists: (uri: string) => boolean): Diagnostic[] {
  const entry = index.get(uri);
  if (!entry) return [];
  const context: CrossFileContext = { entry, index, fileExists };
  return crossFileRules.flatMap((rule) => {
    const severity = effectiveSeverity(rule, settings);
    if (severity === 'off') return [];
    return rule.check(context).map(({ range, message }): Diagnostic => ({ range, severity: lspSeverity[severity], code: rule.code, source: diagnosticSource, message }));
  });
}
