import { isRecord } from '../card/values';
import type { FormatFinding } from './formatTypes';

/** The format version imported cards are written in. */
export const importedSchemaVersion = 2;

/**
 * The model's name when the source gives none: the source file's name, or its folder's when the
 * file is a generic README.md or model_card.md.
 */
export function nameFromFileName(fileName: string): string {
  const parts = fileName.split(/[\\/]/).filter(Boolean);
  const stem = (parts.pop() ?? '').replace(/\.[^.]*$/, '');
  const generic = /^(readme|model[-_ ]?card|card)$/i.test(stem);
  return (generic ? parts.pop() : stem) || 'Imported model';
}

/** What every card must say, and the to-do an import writes when the source says nothing of it. */
const requiredSections = {
  limitations: 'TODO: the source states no limitations; say where and how the model is likely to fail.',
  metrics: 'TODO: the source reports no measured results; add them.',
};

/**
 * The card's last touches once every field is read: the format version first; every dataset a
 * result names described under `evaluation_data` (by name at least), so results point somewhere;
 * and a visible to-do (never invented content) for required sections the source lacks.
 */
export function completedCard(card: Record<string, unknown>, findings: FormatFinding[]): Record<string, unknown> {
  const completed: Record<string, unknown> = { schema_version: importedSchemaVersion, ...card };
  for (const [key, todo] of Object.entries(requiredSections)) {
    const covered = completed[key] !== undefined || (key === 'limitations' && completed.caveats_and_recommendations !== undefined);
    if (covered) continue;
    completed[key] = todo;
    findings.push({ severity: 'information', message: `The source has no ${key}: the card marks the place with a TODO.` });
  }
  const results = Array.isArray(card.metrics) ? card.metrics.filter(isRecord) : [];
  const named = [...new Set(results.map((result) => result.dataset).filter((dataset): dataset is string => typeof dataset === 'string'))];
  const evaluation = completed.evaluation_data;
  if (named.length === 0 || typeof evaluation === 'string') return completed;
  const described = [evaluation, completed.training_data].flatMap((list) => (Array.isArray(list) ? list.filter(isRecord) : [])).map((dataset) => dataset.name);
  const missing = named.filter((name) => !described.includes(name)).map((name) => ({ name }));
  if (missing.length > 0) completed.evaluation_data = [...(Array.isArray(evaluation) ? evaluation : []), ...missing];
  return completed;
}
