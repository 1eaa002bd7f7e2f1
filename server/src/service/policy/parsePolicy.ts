import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Pair, type YAMLMap } from 'yaml';
import type { ConfigProblem } from '../config/projectConfig';
import type { Severity } from '../diagnostics/ruleTypes';
import { modelCard } from '../kinds/modelCard';
import { isNull, startOf, suggestion } from '../config/configNodes';
import { closestMatch } from '../text/closestMatch';
import { fieldPath } from './policyFields';
import {
  policyRiskLevels,
  type AllowedValues,
  type CustomField,
  type Policy,
  type PolicyRiskLevel,
  type RequiredFields,
  type RiskLevelPolicy,
  type SignOffRequirement,
} from './policy';

export interface ParsedPolicy {
  /** What the file says, without the entries that have problems. */
  policy: Policy;
  /** Each problem once, at its line and column (from 1), in one line. */
  problems: ConfigProblem[];
}

const topKeys = ['policy_version', 'organisation', 'templates', 'risk_levels', 'allowed_values', 'custom_fields', 'sign_off_roles', 'disparity'];
const levelKeys = ['required', 'sign_offs'];
const requiredKeys = ['fields', 'severity'];
const signOffKeys = ['section', 'roles', 'before', 'severity'];
const allowedKeys = ['field', 'values', 'severity'];
const customKeys = ['field', 'pattern', 'risk_levels', 'description', 'severity'];
const disparityKeys = ['min_ratio', 'max_gap'];
const severities: readonly Severity[] = ['error', 'warning', 'information', 'hint'];
const statuses = ['approved', 'published'] as const;
const ruleIdPattern = /^[A-Za-z0-9][\w.-]*$/;

/**
 * Reads a policy file's text (`.modelcard-policy.yaml`; schemas/modelcard-policy.schema.json is
 * its contract for editors). Every problem is one line at its position; the entries with problems
 * are left out and the rest of the policy applies.
 */
export function parsePolicy(text: string): ParsedPolicy {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const reader = new PolicyReader(lineCounter);
  const policy: Policy = { riskLevels: {}, allowedValues: [], customFields: [], signOffRoles: {} };
  if (document.errors.length > 0) {
    reader.report(document.errors[0].pos[0], `YAML error: ${document.errors[0].message.split('\n')[0]}`);
    return { policy, problems: reader.problems };
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && root.value === null)) return { policy, problems: reader.problems };
  if (!isMap(root)) {
    reader.report(startOf(root), `a policy is a mapping with the keys ${topKeys.join(', ')}`);
    return { policy, problems: reader.problems };
  }
  for (const [key, value, pair] of reader.entries(root, topKeys, 'the policy')) reader.readTop(policy, key, value, pair);
  return { policy, problems: reader.problems };
}

type Entry = [key: string, value: unknown, pair: Pair];

class PolicyReader {
  readonly problems: ConfigProblem[] = [];
  private readonly ruleIds = new Set<string>();

  constructor(private readonly lineCounter: LineCounter) {}

  report(offset: number, message: string): void {
    const { line, col } = this.lineCounter.linePos(offset);
    this.problems.push({ line, column: col, message });
  }

  readTop(policy: Policy, key: string, value: unknown, pair: Pair): void {
    switch (key) {
      case 'policy_version':
        if (!isScalar(value) || value.value !== 1) this.report(startOf(value, startOf(pair.key)), '`policy_version` must be 1');
        break;
      case 'organisation':
      case 'templates': {
        const text = this.text(value, key, pair);
        if (text !== undefined) policy[key] = text;
        break;
      }
      case 'risk_levels':
        for (const [level, levelValue, levelPair] of this.entries(this.map(value, 'risk_levels', pair, 'map risk ratings (all, high, medium, low, unknown) to what they require'), policyRiskLevels, 'risk_levels')) {
          policy.riskLevels[level as PolicyRiskLevel] = this.riskLevel(levelValue, level, levelPair);
        }
        break;
      case 'allowed_values':
        policy.allowedValues = this.rules(value, key, pair, (id, entry, entryPair) => this.allowedValues(id, entry, entryPair));
        break;
      case 'custom_fields':
        policy.customFields = this.rules(value, key, pair, (id, entry, entryPair) => this.customField(id, entry, entryPair));
        break;
      case 'sign_off_roles':
        for (const [section, roles, rolesPair] of this.entries(this.map(value, key, pair, 'map sections to the roles that may sign them'), undefined, key)) {
          if (!this.field(section, startOf(rolesPair.key))) continue;
          const list = this.strings(roles, `sign_off_roles.${section}`, rolesPair);
          if (list) policy.signOffRoles[section] = list;
        }
        break;
      case 'disparity':
        policy.disparity = this.disparity(value, pair);
        break;
    }
  }

  private riskLevel(value: unknown, level: string, pair: Pair): RiskLevelPolicy {
    const policy: RiskLevelPolicy = { required: [], signOffs: [] };
    const map = this.map(value, `risk_levels.${level}`, pair, 'have `required` and `sign_offs`');
    for (const [key, entries, entriesPair] of this.entries(map, levelKeys, `risk_levels.${level}`)) {
      if (key === 'required') policy.required = this.rules(entries, `risk_levels.${level}.required`, entriesPair, (id, entry, entryPair) => this.required(id, entry, entryPair));
      else policy.signOffs = this.rules(entries, `risk_levels.${level}.sign_offs`, entriesPair, (id, entry, entryPair) => this.signOff(id, entry, entryPair));
    }
    return policy;
  }

  /** A mapping of rule ids to rules; ids are unique in the file. */
  private rules<T>(value: unknown, where: string, pair: Pair, read: (id: string, value: unknown, pair: Pair) => T | undefined): T[] {
    const rules: T[] = [];
    for (const [id, entry, entryPair] of this.entries(this.map(value, where, pair, 'map rule ids to rules'), undefined, where)) {
      const at = startOf(entryPair.key);
      if (!ruleIdPattern.test(id)) this.report(at, `\`${id}\` is not a rule id: use letters, digits, \`-\`, \`_\` and \`.\``);
      else if (this.ruleIds.has(id)) this.report(at, `the rule id \`${id}\` is used twice: findings name their rule by it`);
      else {
        this.ruleIds.add(id);
        const rule = read(id, entry, entryPair);
        if (rule) rules.push(rule);
      }
    }
    return rules;
  }

  /** `id: [fields]`, or `id: {fields: [...], severity: warning}`. */
  private required(id: string, value: unknown, pair: Pair): RequiredFields | undefined {
    if (isSeq(value)) {
      const fields = this.fields(value, id, pair);
      return fields && { id, fields };
    }
    const map = this.map(value, id, pair, 'be a list of fields, or have `fields` and `severity`');
    if (!map) return undefined;
    const rule: Partial<RequiredFields> = { id };
    for (const [key, entry, entryPair] of this.entries(map, requiredKeys, id)) {
      if (key === 'fields') rule.fields = this.fields(entry, `${id}.fields`, entryPair);
      else rule.severity = this.severity(entry, id, entryPair);
    }
    return this.complete(rule, ['fields'], id, pair);
  }

  private signOff(id: string, value: unknown, pair: Pair): SignOffRequirement | undefined {
    const rule: Partial<SignOffRequirement> = { id };
    for (const [key, entry, entryPair] of this.entries(this.map(value, id, pair, 'have `section`, `roles` and `before`'), signOffKeys, id)) {
      if (key === 'section') {
        const section = this.text(entry, `${id}.section`, entryPair);
        if (section !== undefined && this.field(section, startOf(entry))) rule.section = section;
      } else if (key === 'roles') rule.roles = this.strings(entry, `${id}.roles`, entryPair);
      else if (key === 'before') rule.before = this.choice(entry, `${id}.before`, statuses, entryPair);
      else rule.severity = this.severity(entry, id, entryPair);
    }
    // Without a valid `before`, the sign-off is required before approval (the stricter reading).
    return this.complete({ ...rule, before: rule.before ?? 'approved' }, ['section', 'roles'], id, pair);
  }

  private allowedValues(id: string, value: unknown, pair: Pair): AllowedValues | undefined {
    const rule: Partial<AllowedValues> = { id };
    for (const [key, entry, entryPair] of this.entries(this.map(value, id, pair, 'have `field` and `values`'), allowedKeys, id)) {
      if (key === 'field') rule.field = this.fieldText(entry, `${id}.field`, entryPair, { eachItem: true });
      else if (key === 'values') rule.values = this.scalars(entry, `${id}.values`, entryPair);
      else rule.severity = this.severity(entry, id, entryPair);
    }
    return this.complete(rule, ['field', 'values'], id, pair);
  }

  private customField(id: string, value: unknown, pair: Pair): CustomField | undefined {
    const rule: Partial<CustomField> = { id };
    for (const [key, entry, entryPair] of this.entries(this.map(value, id, pair, 'have `field`, and `pattern`, `risk_levels` or `description`'), customKeys, id)) {
      if (key === 'field') rule.field = this.fieldText(entry, `${id}.field`, entryPair);
      else if (key === 'pattern') rule.pattern = this.pattern(entry, id, entryPair);
      else if (key === 'risk_levels') rule.riskLevels = this.strings(entry, `${id}.risk_levels`, entryPair, policyRiskLevels) as PolicyRiskLevel[] | undefined;
      else if (key === 'description') rule.description = this.text(entry, `${id}.description`, entryPair);
      else rule.severity = this.severity(entry, id, entryPair);
    }
    return this.complete(rule, ['field'], id, pair);
  }

  private disparity(value: unknown, pair: Pair): Policy['disparity'] {
    const bounds: NonNullable<Policy['disparity']> = {};
    for (const [key, entry, entryPair] of this.entries(this.map(value, 'disparity', pair, 'have `min_ratio` and `max_gap`'), disparityKeys, 'disparity')) {
      const number = isScalar(entry) && typeof entry.value === 'number' ? entry.value : undefined;
      const valid = number !== undefined && (key === 'min_ratio' ? number > 0 && number <= 1 : number >= 0);
      if (!valid) this.report(startOf(entry, startOf(entryPair.key)), key === 'min_ratio' ? '`min_ratio` must be a number above 0, at most 1 (0.8 is the four-fifths rule)' : '`max_gap` must be a number from 0 up (0.1 is 10 points of a rate)');
      else if (key === 'min_ratio') bounds.minRatio = number;
      else bounds.maxGap = number;
    }
    return bounds;
  }

  /** The rule when its `keys` are all valid; a key absent from `written` is reported on the rule's key (an invalid one was reported where it is). */
  private complete<T extends object>(rule: Partial<T>, keys: (keyof T & string)[], id: string, pair: Pair): T | undefined {
    if (keys.every((key) => rule[key] !== undefined)) return rule as T;
    const written = isMap(pair.value) ? pair.value : undefined;
    const absent = keys.find((key) => !written?.has(key));
    if (absent) this.report(startOf(pair.key), `policy rule \`${id}\` needs \`${absent}\``);
    return undefined;
  }

  /** The pairs of `map` with scalar keys; a key not in `known` is reported (with the closest known one). */
  entries(map: YAMLMap | undefined, known: readonly string[] | undefined, where: string): Entry[] {
    if (!map) return [];
    return map.items.flatMap((pair): Entry[] => {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) {
        this.report(startOf(pair.key), `the keys of ${where} are plain names`);
        return [];
      }
      if (known && !known.includes(key)) {
        this.report(startOf(pair.key), `unknown key \`${key}\` in ${where}${suggestion(key, known)}: it has ${known.join(', ')}`);
        return [];
      }
      return [[key, pair.value, pair as Pair]];
    });
  }

  private map(value: unknown, where: string, pair: Pair, what: string): YAMLMap | undefined {
    if (isNull(value)) return undefined;
    if (isMap(value)) return value;
    this.report(startOf(value, startOf(pair.key)), `\`${where}\` must be a mapping: ${what}`);
    return undefined;
  }

  private text(value: unknown, where: string, pair: Pair): string | undefined {
    if (isScalar(value) && typeof value.value === 'string' && value.value.trim() !== '') return value.value;
    this.report(startOf(value, startOf(pair.key)), `\`${where}\` must be a non-empty text`);
    return undefined;
  }

  private strings(value: unknown, where: string, pair: Pair, allowed?: readonly string[]): string[] | undefined {
    const items = this.scalars(value, where, pair);
    if (!items) return undefined;
    const strings = items.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
    if (strings.length !== items.length) {
      this.report(startOf(value), `each entry of \`${where}\` must be a non-empty text`);
      return undefined;
    }
    const unknown = allowed && strings.find((item) => !allowed.includes(item));
    if (unknown) {
      this.report(startOf(value), `\`${unknown}\` is not one of ${allowed!.join(', ')}${suggestion(unknown, allowed!)}`);
      return undefined;
    }
    return strings;
  }

  /** A non-empty list of texts, numbers or booleans. */
  private scalars(value: unknown, where: string, pair: Pair): (string | number | boolean)[] | undefined {
    if (!isSeq(value) || value.items.length === 0) {
      this.report(startOf(value, startOf(pair.key)), `\`${where}\` must be a non-empty list`);
      return undefined;
    }
    const items: (string | number | boolean)[] = [];
    for (const item of value.items) {
      const scalar = isScalar(item) ? item.value : undefined;
      if (typeof scalar === 'string' || typeof scalar === 'number' || typeof scalar === 'boolean') items.push(scalar);
      else {
        this.report(startOf(item, startOf(value)), `each entry of \`${where}\` must be a text, a number or true/false`);
        return undefined;
      }
    }
    return items;
  }

  private fields(value: unknown, where: string, pair: Pair): string[] | undefined {
    const fields = this.strings(value, where, pair);
    if (!fields || !isSeq(value)) return undefined;
    const valid = fields.filter((field, index) => this.field(field, startOf(value.items[index])));
    return valid.length === fields.length ? fields : undefined;
  }

  private fieldText(value: unknown, where: string, pair: Pair, options: { eachItem?: boolean } = {}): string | undefined {
    const field = this.text(value, where, pair);
    return field !== undefined && this.field(field, startOf(value), options) ? field : undefined;
  }

  /**
   * Whether `field` names a field of a model card: dotted keys, custom `x-` keys anywhere, and with
   * `eachItem`, `[]` for each item of a list (`owners[].role`). A typo gets the closest field.
   */
  private field(field: string, at: number, { eachItem = false } = {}): boolean {
    const path = fieldPath(field);
    if (!path || (!eachItem && path.includes(0))) {
      this.report(at, `\`${field}\` is not a field path: write keys with dots${eachItem ? ' and [] for each item of a list, e.g. `owners[].role`' : ', e.g. `intended_use.out_of_scope`'}`);
      return false;
    }
    const custom = path.findIndex((segment) => typeof segment === 'string' && segment.startsWith('x-'));
    const known = custom >= 0 ? path.slice(0, custom) : path;
    if (known.length === 0 || modelCard.schema.at(known)) return true;
    const firstUnknown = known.findIndex((_, index) => !modelCard.schema.at(known.slice(0, index + 1)));
    const parent = known.slice(0, firstUnknown);
    const key = String(known[firstUnknown]);
    const closest = closestMatch(key, modelCard.schema.propertiesAt(parent).map(([name]) => name));
    const hint = closest ? ` (did you mean \`${[...parent.filter((segment) => typeof segment === 'string'), closest].join('.')}\`?)` : '';
    this.report(at, `\`${field}\` is not a field of a model card${hint}; custom fields start with x-`);
    return false;
  }

  private severity(value: unknown, id: string, pair: Pair): Severity | undefined {
    return this.choice(value, `${id}.severity`, severities, pair);
  }

  private choice<T extends string>(value: unknown, where: string, choices: readonly T[], pair: Pair): T | undefined {
    const given = isScalar(value) ? value.value : undefined;
    if (choices.includes(given as T)) return given as T;
    this.report(startOf(value, startOf(pair.key)), `\`${where}\` must be one of ${choices.join(', ')}${typeof given === 'string' ? suggestion(given, choices) : ''}`);
    return undefined;
  }

  private pattern(value: unknown, id: string, pair: Pair): string | undefined {
    const text = this.text(value, `${id}.pattern`, pair);
    if (text === undefined) return undefined;
    try {
      new RegExp(text, 'u');
      return text;
    } catch (error) {
      this.report(startOf(value), `\`${id}.pattern\` is not a regular expression: ${(error as Error).message}`);
      return undefined;
    }
  }
}
