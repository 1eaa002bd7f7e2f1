import type { ErrorObject } from 'ajv';
import type { ParsedCard } from '../parsing/parsedCard';
import type { CardPath } from '../parsing/yamlNodes';
import { closestMatch } from '../text/closestMatch';
import { dateForms, isoDate } from '../text/dates';
import { formatPath, shorten, yamlScalar } from '../text/yamlText';
import { pipelineSubtasks } from '../vocabulary/vocabularies';
import type { FindingFix } from '../diagnostics/ruleTypes';
import type { DocumentKind } from '../kinds/documentKind';
import type { JsonSchema } from './anyOfDispatch';

export type SchemaProblemKind = 'unknownKey' | 'wrongType' | 'invalidValue' | 'missingRequired' | 'invalidFormat';

/** A schema violation, placed on the card: the value (or key) at `path`. */
export interface SchemaProblem {
  kind: SchemaProblemKind;
  path: CardPath;
  /** Underline the key at `path` instead of its value. */
  onKey: boolean;
  /** Where to underline when the key at `path` is absent (by default, its parent's key). */
  anchor?: CardPath;
  message: string;
  fix?: FindingFix;
  /** The offending value. */
  data?: unknown;
}

const problemsByCard = new WeakMap<ParsedCard, SchemaProblem[]>();

/** The schema problems of a card (on its kind's schema), computed once per parse and shared by the schema rules. */
export function schemaProblems(card: ParsedCard): SchemaProblem[] {
  let problems = problemsByCard.get(card);
  if (!problems) {
    problems = card.root && card.value !== undefined ? problemsFromErrors(card.kind.schema.errors(card.value), card.value, card.kind) : [];
    problemsByCard.set(card, problems);
  }
  return problems;
}

function problemsFromErrors(errors: readonly ErrorObject[], value: unknown, kind: DocumentKind): SchemaProblem[] {
  const problems = errors.flatMap((error) => problemsOf(error, errors, value, kind).map((problem) => ({ ...problem, data: error.data })));
  // A key with no value also fails its enum (`status:` is not `draft`); saying it has no value is enough.
  const typeErrorPaths = new Set(problems.filter((problem) => problem.kind === 'wrongType').map((problem) => JSON.stringify(problem.path)));
  return problems.filter((problem) => problem.kind !== 'invalidValue' || !typeErrorPaths.has(JSON.stringify(problem.path)));
}

function problemsOf(error: ErrorObject, errors: readonly ErrorObject[], value: unknown, kind: DocumentKind): SchemaProblem[] {
  // An error about a key's name, inside `propertyNames`: the `propertyNames` error reports it, on the key.
  if (error.propertyName !== undefined) return [];
  const path = instancePath(error.instancePath, value);
  const schema = (error.parentSchema ?? {}) as JsonSchema;
  switch (error.keyword) {
    case 'additionalProperties':
      return [unknownKey(path, String(error.params.additionalProperty), schema, kind)];
    case 'propertyNames':
      return [{ kind: 'invalidFormat', path: [...path, String(error.params.propertyName)], onKey: true, message: `\`${String(error.params.propertyName)}\` is not a valid key in \`${formatPath(path)}\`.` }];
    case 'type':
      return [wrongType(path, error.params.type as string | string[], error.data)];
    case 'enum':
    case 'const':
      return [invalidValue(path, error.data, schema, error.keyword === 'const' ? [error.params.allowedValue] : (error.params.allowedValues as unknown[]))];
    case 'required':
      return [missingRequired(path, String(error.params.missingProperty), conditionOf(error, errors), kind)];
    case 'minLength':
      // Empty text is reported once, by the empty-value rule.
      return error.data === '' ? [] : [invalidFormat(path, `\`${formatPath(path)}\` is too short.`)];
    case 'if':
      // The branch that failed reports its own errors.
      return [];
    case 'pattern':
      return [schema['x-format'] === 'date' ? invalidDate(path, error.data) : invalidFormat(path, `\`${formatPath(path)}\` is not in the expected form.`)];
    default:
      return [percentageLevel(path, error) ?? invalidFormat(path, constraintMessage(path, error))];
  }
}

/** Decodes a JSON pointer into a card path, turning list positions into numbers. */
function instancePath(pointer: string, value: unknown): CardPath {
  const path: (string | number)[] = [];
  let current: unknown = value;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(current) ? Number(segment) : segment;
    path.push(step);
    current = current && typeof current === 'object' ? (current as Record<string | number, unknown>)[step] : undefined;
  }
  return path;
}

function unknownKey(parentPath: CardPath, key: string, schema: JsonSchema, kind: DocumentKind): SchemaProblem {
  const known = Object.keys((schema.properties as JsonSchema | undefined) ?? {});
  const suggestion = closestMatch(key, known);
  const where = parentPath.length === 0 ? `the ${kind.words.short}` : `\`${formatPath(parentPath)}\``;
  const message = suggestion
    ? `Unknown key \`${shorten(key)}\` in ${where}. Did you mean \`${suggestion}\`?`
    : `Unknown key \`${shorten(key)}\` in ${where}. Expected one of: ${known.join(', ')}. Custom keys start with \`x-\`.`;
  const fix: FindingFix | undefined = suggestion ? { kind: 'replace', title: `Rename to \`${suggestion}\``, newText: suggestion, safe: true } : undefined;
  return { kind: 'unknownKey', path: [...parentPath, key], onKey: true, message, fix };
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of keys',
  null: 'empty',
};

function wrongType(path: CardPath, expected: string | string[], data: unknown): SchemaProblem {
  const wanted = [expected].flat().map((type) => typeNames[type] ?? type).join(' or ');
  const message =
    data === null
      ? `\`${formatPath(path)}\` has no value: write ${wanted} here, or remove the key.`
      : `\`${formatPath(path)}\` must be ${wanted}, not ${typeNames[jsonType(data)]}.`;
  return { kind: 'wrongType', path, onKey: data === null, message };
}

function jsonType(data: unknown): string {
  if (data === null) return 'null';
  if (Array.isArray(data)) return 'array';
  if (typeof data === 'number') return Number.isInteger(data) ? 'integer' : 'number';
  return typeof data;
}

const vocabularyNouns: Record<string, string> = {
  licenses: 'a known licence id (Hugging Face or SPDX)',
  pipelineTags: 'a Hugging Face pipeline tag',
  languages: 'an ISO 639 language code',
};

function invalidValue(path: CardPath, data: unknown, schema: JsonSchema, allowed: unknown[]): SchemaProblem {
  const choices = allowed.map(String);
  const vocabulary = schema['x-vocabulary'] as string | undefined;
  // A task subtype (sentiment-analysis) is not a pipeline tag, but names the tag it belongs to.
  const parentTask = vocabulary === 'pipelineTags' && typeof data === 'string' ? pipelineSubtasks[data] : undefined;
  const suggestion = parentTask ?? (typeof data === 'string' ? closestMatch(data, choices) : undefined);
  const expected = vocabulary ? vocabularyNouns[vocabulary] ?? 'a known value' : `one of ${choices.join(', ')}`;
  const hint = parentTask ? ` It is a kind of \`${parentTask}\`: use that tag.` : suggestion ? ` Did you mean \`${suggestion}\`?` : '';
  const message = `\`${shorten(String(data))}\` is not ${expected}.${hint}`;
  const fix: FindingFix | undefined = suggestion ? { kind: 'replace', title: `Change to \`${suggestion}\``, newText: yamlScalar(suggestion), safe: true } : undefined;
  return { kind: 'invalidValue', path, onKey: false, message, fix };
}

function missingRequired(parentPath: CardPath, key: string, condition: [string, unknown][], kind: DocumentKind): SchemaProblem {
  const path = [...parentPath, key];
  const description = kind.schema.at(path)?.description;
  const about = typeof description === 'string' ? ` ${description}` : '';
  const where = parentPath.length === 0 ? `the ${kind.words.short}` : `\`${formatPath(parentPath)}\``;
  const requiredBy = condition.length > 0 ? `, required with ${condition.map(([name, value]) => `\`${name}: ${String(value)}\``).join(' and ')}` : '';
  return {
    kind: 'missingRequired',
    path,
    onKey: true,
    anchor: condition.length > 0 ? [...parentPath, condition[0][0]] : undefined,
    message: `Missing \`${key}\` in ${where}${requiredBy}.${about}`,
    fix: { kind: 'insertKey', path },
  };
}

/**
 * The keys and values that make a key required through an if/then (`license: other` requires
 * `license_name`): the `if` that passed is reported next to the `then` that failed.
 */
function conditionOf(error: ErrorObject, errors: readonly ErrorObject[]): [string, unknown][] {
  const conditional = error.schemaPath.replace(/\/then\/required$/, '');
  if (conditional === error.schemaPath) return [];
  const passedIf = errors.find((other) => other.keyword === 'if' && other.schemaPath === `${conditional}/if` && other.instancePath === error.instancePath);
  const properties = (((passedIf?.parentSchema as JsonSchema | undefined)?.if as JsonSchema | undefined)?.properties ?? {}) as Record<string, unknown>;
  return Object.entries(properties).flatMap(([name, property]): [string, unknown][] =>
    typeof property === 'object' && property !== null && 'const' in property ? [[name, property.const]] : [],
  );
}

function invalidFormat(path: CardPath, message: string): SchemaProblem {
  return { kind: 'invalidFormat', path, onKey: false, message };
}

/** A date in another form than YYYY, YYYY-MM or YYYY-MM-DD; the ISO form as a fix when it can be read without guessing. */
function invalidDate(path: CardPath, data: unknown): SchemaProblem {
  const iso = typeof data === 'string' ? isoDate(data) : undefined;
  const message = iso
    ? `\`${formatPath(path)}\` must be a date written YYYY, YYYY-MM or YYYY-MM-DD: write \`${iso}\`.`
    : `\`${formatPath(path)}\` must be a date written ${dateForms}.`;
  const fix: FindingFix | undefined = iso ? { kind: 'replace', title: `Change to \`${iso}\``, newText: yamlScalar(iso), safe: true } : undefined;
  return { kind: 'invalidFormat', path, onKey: false, message, fix };
}

/** A confidence level written as a percentage (`level: 95`): the fraction as a fix. */
function percentageLevel(path: CardPath, error: ErrorObject): SchemaProblem | undefined {
  const level = error.data;
  if (error.keyword !== 'exclusiveMaximum' || path[path.length - 1] !== 'level' || typeof level !== 'number' || level <= 1 || level >= 100) return undefined;
  const fraction = Number((level / 100).toPrecision(12));
  const message = `\`${formatPath(path)}\` is a share between 0 and 1: did you mean ${fraction}?`;
  return { kind: 'invalidFormat', path, onKey: false, message, fix: { kind: 'replace', title: `Change to ${fraction}`, newText: String(fraction), safe: true } };
}

function constraintMessage(path: CardPath, error: ErrorObject): string {
  const name = `\`${formatPath(path)}\``;
  const limit = error.params.limit as number;
  switch (error.keyword) {
    case 'minItems':
      return limit === 1 ? `${name} is an empty list: add at least one item, or remove the key.` : `${name} needs at least ${limit} items.`;
    case 'maxItems':
      return `${name} has too many items (at most ${limit}).`;
    case 'minProperties':
      return `${name} is empty: add at least one entry, or remove the key.`;
    case 'minimum':
      return `${name} must be at least ${limit}.`;
    case 'maximum':
      return `${name} must be at most ${limit}.`;
    case 'exclusiveMinimum':
      return `${name} must be greater than ${limit}.`;
    case 'exclusiveMaximum':
      return `${name} must be less than ${limit}.`;
    default:
      return `${name} ${error.message ?? 'is not valid'}.`;
  }
}
