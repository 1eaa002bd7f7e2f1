import type { ModelVersionRef, RunStatus } from './trackerTypes';

/** The run tags MLflow sets that a card's provenance and the privacy check care about. */
export const mlflowTags = {
  runName: 'mlflow.runName',
  user: 'mlflow.user',
  gitCommit: 'mlflow.source.git.commit',
  sourceName: 'mlflow.source.name',
} as const;

/** MLflow's RunStatus enum, as the file store writes it (an integer) or the SQL store (a name). */
const statusByNumber: Record<number, RunStatus> = { 1: 'RUNNING', 2: 'SCHEDULED', 3: 'FINISHED', 4: 'FAILED', 5: 'KILLED' };
const statusNames = new Set<string>(Object.values(statusByNumber));

export function runStatus(raw: unknown): RunStatus {
  if (typeof raw === 'number') return statusByNumber[raw] ?? 'UNKNOWN';
  const name = String(raw ?? '').toUpperCase();
  return statusNames.has(name) ? (name as RunStatus) : 'UNKNOWN';
}

/**
 * A metric value as MLflow's file store writes it (Python's `str(float)`): `0.92`, `1e-05`,
 * `nan`, `inf`, `-inf`. Undefined when it is not a number.
 */
export function parseMlflowNumber(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (lower === 'nan') return NaN;
  if (/^[+-]?inf(inity)?$/.test(lower)) return lower.startsWith('-') ? -Infinity : Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(lower)) return undefined;
  return Number(text);
}

export function describeVersionRef(ref: ModelVersionRef): string {
  return 'version' in ref ? `${ref.name}/${ref.version}` : `${ref.name}@${ref.alias}`;
}

/** MLflow 3 registers versions from logged models: `models:/m-<id>` (or `models:/m-<id>/...`). */
export function loggedModelIdOf(source: unknown): string | undefined {
  const match = /^models:\/(m-[0-9a-f]+)/.exec(String(source ?? ''));
  return match?.[1];
}
