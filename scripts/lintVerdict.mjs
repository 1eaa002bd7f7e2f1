// The last step of the GitHub Action (action.yml): whether the findings in the SARIF report that
// `modelcard lint --format sarif` wrote fail the job, by the action's inputs `fail-on` (FAIL_ON:
// error, warning or never) and `max-warnings` (MAX_WARNINGS: a number, or empty for no limit).
// Exit code 0: passed; 1: failed; 2: an input the action does not take.
// Usage: FAIL_ON=error MAX_WARNINGS=10 node scripts/lintVerdict.mjs findings.sarif
import { readFileSync } from 'node:fs';

/** The SARIF levels that fail the job, for each value of `fail-on`. */
const failingLevels = { error: ['error'], warning: ['error', 'warning'], never: [] };

const failOn = process.env.FAIL_ON || 'error';
const maxWarnings = (process.env.MAX_WARNINGS ?? '').trim();
if (!Object.hasOwn(failingLevels, failOn)) stop(2, `fail-on must be error, warning or never; got "${failOn}"`);
if (maxWarnings !== '' && !/^\d+$/.test(maxWarnings)) stop(2, `max-warnings must be a whole number, or empty for no limit; got "${maxWarnings}"`);

const results = JSON.parse(readFileSync(process.argv[2], 'utf8')).runs.flatMap((run) => run.results ?? []);
// SARIF's default level is warning.
const count = (level) => results.filter((result) => (result.level ?? 'warning') === level).length;
const found = `${count('error')} error${count('error') === 1 ? '' : 's'} and ${count('warning')} warning${count('warning') === 1 ? '' : 's'}`;

if (failingLevels[failOn].some((level) => count(level) > 0)) stop(1, `${found} in the model cards (fail-on: ${failOn})`);
if (maxWarnings !== '' && count('warning') > Number(maxWarnings)) stop(1, `${found} in the model cards: more warnings than max-warnings (${maxWarnings})`);
console.log(`modelcard: ${found} in the model cards: passed (fail-on: ${failOn}${maxWarnings === '' ? '' : `, max-warnings: ${maxWarnings}`})`);

/** Ends with `exitCode`, saying why as an error annotation on the workflow run. */
function stop(exitCode, message) {
  console.log(`::error title=modelcard::${message}`);
  process.exit(exitCode);
}
