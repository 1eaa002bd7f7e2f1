import { relativeLink } from '../../workspace/linkTargets';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import { RuleCode, type CrossFileRule } from '../ruleTypes';

export const datasetWithoutDatasheet: CrossFileRule = {
  code: RuleCode.DatasetWithoutDatasheet,
  name: 'dataset-without-datasheet',
  defaultSeverity: 'hint',
  summary: "A dataset of a card's `training_data` or `evaluation_data` that links no datasheet while the workspace has a datasheet of its name",
  rationale:
    "A datasheet says how a dataset was collected, what it holds and what it may be used for (Gebru et al.); linking it from the card lets a reviewer follow the model to its data. The rule speaks when the workspace has a datasheet of the dataset's name, so it never asks for what does not exist.",
  check: ({ entry, index }) => {
    if (!entry.unlinked || index.countOf('datasheet') === 0) return [];
    return entry.unlinked.flatMap(({ name, range }) => {
      const found = datasheetNamed(index, name);
      const path = found !== undefined ? relativeLink(entry.uri, found) : undefined;
      return path !== undefined ? [{ range, message: `Dataset \`${name}\` links no datasheet, and \`${path}\` documents a dataset of this name: add \`datasheet: ${path}\`.` }] : [];
    });
  },
};

/** The URI of a datasheet whose `name` is `name`, if the workspace has one. */
function datasheetNamed(index: WorkspaceIndex, name: string): string | undefined {
  for (const entry of index.entries()) if (entry.summary.kind === 'datasheet' && entry.summary.name === name) return entry.uri;
  return undefined;
}
