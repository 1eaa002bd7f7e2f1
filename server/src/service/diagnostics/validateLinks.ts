import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ModelCardSettings } from '../../protocol';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { crossFileRules } from './rules';
import type { CrossFileContext } from './ruleTypes';
import { diagnosticSource, effectiveSeverity } from './validate';
import { isPlaceholderText } from '../text/placeholders';

const lspSeverity = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

/**
 * The cross-file diagnostics of the document at `uri`: its links checked against the documents of
 * the index (and, for files the index does not hold, `fileExists`), under the user's severities;
 * links and names that are placeholders are left to MC030.
 * None for a document the index does not hold.
 */
export function validateLinks(uri: string, index: WorkspaceIndex, settings: ModelCardSettings, fileExists: (uri: string) => boolean): Diagnostic[] {
  const indexed = index.get(uri);
  if (!indexed) return [];
  // A path or a dataset name still a placeholder (`TODO path of the model's card`) is MC030's, not a link.
  const written = (text: string) => !isPlaceholderText(text, settings.placeholders);
  const entry = { ...indexed, links: indexed.links.filter((link) => written(link.target)), unlinked: indexed.unlinked?.filter((item) => written(item.name)) };
  const context: CrossFileContext = { entry, index, fileExists };
  return crossFileRules.flatMap((rule) => {
    const severity = effectiveSeverity(rule, settings);
    if (severity === 'off') return [];
    return rule.check(context).map(({ range, message }): Diagnostic => ({ range, severity: lspSeverity[severity], code: rule.code, source: diagnosticSource, message }));
  });
}
