import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readOrgTemplates } from '../node/orgTemplateFiles';
import type { OrgTemplateList } from '../protocol';
import type { CardSettings } from './cardSettings';

/** The answer to `modelcard/templates`: the templates of the policy that applies to new documents in `folderUri`. */
export async function orgTemplateList(cardSettings: CardSettings, folderUri: string): Promise<OrgTemplateList> {
  const loaded = await cardSettings.policyForFolder(folderUri);
  const org = loaded && (await readOrgTemplates(loaded));
  if (!loaded || !org) return { templates: [], problems: [] };
  const problems = org.folderProblem ? [org.folderProblem] : org.problems.map((problem) => `${org.folder}${path.sep}${problem}`);
  const { organisation } = loaded.policy;
  return { policy: { uri: pathToFileURL(loaded.path).href, ...(organisation ? { organisation } : {}) }, templates: org.templates, problems };
}
