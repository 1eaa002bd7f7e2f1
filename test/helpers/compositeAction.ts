import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export interface ActionStep {
  name: string;
  id?: string;
  if?: string;
  uses?: string;
  with?: Record<string, string>;
  shell?: string;
  env?: Record<string, string>;
  run?: string;
}

export interface CompositeAction {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

export function readAction(file: string): CompositeAction {
  return parse(readFileSync(file, 'utf8')) as CompositeAction;
}

/** What one step did: a `run` step's exit code and output, or the `with` a `uses` step was given. */
export interface StepRun {
  step: ActionStep;
  skipped: boolean;
  exitCode?: number | null;
  stdout?: string;
  stderr?: string;
  with?: Record<string, string>;
}

export interface RunContext {
  action: CompositeAction;
  /** The action's checkout (GITHUB_ACTION_PATH). */
  actionPath: string;
  /** The repository being checked (GITHUB_WORKSPACE), the steps' working directory. */
  workspace: string;
  runnerTemp: string;
  /** The inputs the workflow gives; the others take their defaults. */
  inputs?: Record<string, string>;
}

/** What the steps did, and the action's outputs after them. */
export interface ActionRun {
  steps: StepRun[];
  outputs: Record<string, string>;
}

/**
 * Runs `steps` of a composite action the way the GitHub runner does, as far as this repository's
 * action needs: a `run` step goes to `bash --noprofile --norc -eo pipefail` with the runner's
 * variables and its `env`; a `uses` step is not run (it is GitHub's or another action's), only its
 * `with` is evaluated; `if` is evaluated; a failing step ends the run. Expressions are limited to
 * `inputs.NAME`, `steps.ID.outputs.NAME` and `inputs.NAME == 'text'` (in `if`): anything else
 * throws, so the action stays within what this runner checks.
 */
export function runSteps(steps: ActionStep[], context: RunContext): ActionRun {
  for (const name of Object.keys(context.inputs ?? {})) inputValue(name, context);
  const outputs: Record<string, Record<string, string>> = {};
  const runs: StepRun[] = [];
  for (const step of steps) {
    if (step.if !== undefined && !condition(step.if, context)) {
      runs.push({ step, skipped: true });
      continue;
    }
    if (step.uses) {
      runs.push({ step, skipped: false, with: evaluateAll(step.with ?? {}, context, outputs) });
      continue;
    }
    const run = runBash(step, context, outputs);
    runs.push(run);
    if (run.exitCode !== 0) break;
  }
  const actionOutputs = Object.fromEntries(Object.entries(context.action.outputs).map(([name, output]) => [name, evaluate(output.value, context, outputs)]));
  return { steps: runs, outputs: actionOutputs };
}

function runBash(step: ActionStep, context: RunContext, outputs: Record<string, Record<string, string>>): StepRun {
  if (step.shell !== 'bash') throw new Error(`step "${step.name}": this runner runs shell: bash only`);
  const stepFolder = mkdtempSync(path.join(context.runnerTemp, 'step-'));
  const script = path.join(stepFolder, 'script.sh');
  const outputFile = path.join(stepFolder, 'output');
  writeFileSync(script, step.run ?? '');
  writeFileSync(outputFile, '');
  const env = {
    ...process.env,
    GITHUB_ACTION_PATH: context.actionPath,
    GITHUB_WORKSPACE: context.workspace,
    GITHUB_OUTPUT: outputFile,
    RUNNER_TEMP: context.runnerTemp,
    ...evaluateAll(step.env ?? {}, context, outputs),
  };
  const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd: context.workspace, env, encoding: 'utf8', timeout: 10 * 60_000 });
  if (step.id) outputs[step.id] = parseOutputs(readFileSync(outputFile, 'utf8'));
  return { step, skipped: false, exitCode: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `name=value` lines, as a step writes them to GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

function evaluateAll(values: Record<string, string>, context: RunContext, outputs: Record<string, Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, evaluate(String(value), context, outputs)]));
}

/** Replaces each `${{ ... }}` in `value` by what it names. */
function evaluate(value: string, context: RunContext, outputs: Record<string, Record<string, string>>): string {
  return value.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_whole, expression: string) => {
    const input = /^inputs\.([\w-]+)$/.exec(expression);
    if (input) return inputValue(input[1], context);
    const output = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (output) return outputs[output[1]]?.[output[2]] ?? '';
    throw new Error(`unsupported expression \${{ ${expression} }}`);
  });
}

function condition(expression: string, context: RunContext): boolean {
  const comparison = /^inputs\.([\w-]+) == '([^']*)'$/.exec(expression.trim());
  if (!comparison) throw new Error(`unsupported if: ${expression}`);
  return inputValue(comparison[1], context) === comparison[2];
}

function inputValue(name: string, context: RunContext): string {
  const declared = context.action.inputs[name];
  if (!declared) throw new Error(`the action has no input "${name}"`);
  return context.inputs?.[name] ?? declared.default ?? '';
}
