import type { CompletionItem, CompletionList, Hover, Position, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { GeneratedCard } from './generateCard';
import { LspSession, type Memory } from './lspSession';
import type { BenchServer } from './servers';

/** How much work one session does; warm-up rounds run first and are not recorded. */
export interface Workload {
  edits: number;
  warmupEdits: number;
  requests: number;
  warmupRequests: number;
}

/** Latencies in milliseconds; `undefined` when the server does not offer the feature. */
export interface ServerMeasurement {
  openMs: number;
  /** Diagnostics the server publishes for the generated (valid) card. */
  diagnosticsOnOpen: number;
  editMs: number[];
  completionInMappingMs?: number[];
  completionAtTopLevelMs?: number[];
  /** Items in the last answer at each position, to show the completions were not empty. */
  completionItems?: { inMapping: number; atTopLevel: number };
  hoverMs?: number[];
  /** Whether the last hover answer had contents. */
  hoverAnswered?: boolean;
  memory?: Memory;
  /** The server's own fixed delay before it validates, included in `editMs`. */
  validationDelayMs: number;
}

const cardUri = 'file:///bench/cards/generated.modelcard.yaml';
const wrongCardUri = 'file:///bench/cards/wrong.modelcard.yaml';

/** A card with three schema errors, on lines 0 (`name` not text), 3 (metric not a number) and 6 (unknown status). */
const wrongCard = ['name: 42', "version: '1.0'", 'metrics:', '  accuracy: high', 'limitations: none', 'governance:', '  status: shipped', ''].join('\n');
const wrongCardSchemaErrorLines = [0, 3, 6];
const invalidMetricValue = 'high';

/** Starts `server` in its own process, runs the workload on `card`, and always stops the server. */
export async function measureServer(server: BenchServer, card: GeneratedCard, workload: Workload): Promise<ServerMeasurement> {
  const session = await LspSession.start(server);
  try {
    await checkSchemaValidation(session, server);
    const opened = await openCard(session, card);
    const editMs = await measureEdits(session, card, workload);
    const completion = session.capabilities.completionProvider ? await measureCompletion(session, card, workload) : {};
    const hover = session.capabilities.hoverProvider ? await measureHover(session, card, workload) : {};
    return { ...opened, editMs, ...completion, ...hover, memory: session.memory(), validationDelayMs: server.validationDelayMs };
  } finally {
    await session.stop();
  }
}

/** A server's answer to a card it is given once: open → first diagnostics, and its memory then. */
export type FirstDiagnostics = Pick<ServerMeasurement, 'openMs' | 'diagnosticsOnOpen' | 'memory'>;

/** Starts `server`, opens `card` and waits at most `timeoutMs` for its first diagnostics; always stops the server. */
export async function measureFirstDiagnostics(server: BenchServer, card: GeneratedCard, timeoutMs: number): Promise<FirstDiagnostics> {
  const session = await LspSession.start(server);
  try {
    await checkSchemaValidation(session, server);
    const opened = await openCard(session, card, timeoutMs);
    return { ...opened, memory: session.memory() };
  } finally {
    await session.stop();
  }
}

/** Fails unless the server reports schema errors on every wrong line of a deliberately wrong card. */
async function checkSchemaValidation(session: LspSession, server: BenchServer): Promise<void> {
  const from = session.publications.length;
  await session.open(wrongCardUri, wrongCard);
  const linesWithSchemaErrors = (params: PublishDiagnosticsParams) =>
    new Set(params.diagnostics.filter(server.isSchemaDiagnostic).map((diagnostic) => diagnostic.range.start.line));
  await session.waitForPublication(
    wrongCardUri,
    from,
    (params) => wrongCardSchemaErrorLines.every((line) => linesWithSchemaErrors(params).has(line)),
    `schema diagnostics on lines ${wrongCardSchemaErrorLines.join(', ')} of a wrong card (is the schema applied?)`,
  );
  await session.close(wrongCardUri);
}

async function openCard(session: LspSession, card: GeneratedCard, timeoutMs?: number): Promise<{ openMs: number; diagnosticsOnOpen: number }> {
  const from = session.publications.length;
  const sentAt = performance.now();
  await session.open(cardUri, card.text);
  const first = await session.waitForPublication(cardUri, from, (params) => params.version === undefined || params.version === 1, 'the first diagnostics', timeoutMs);
  if (hasDiagnosticOnLine(first.params, card.landmarks.editedValue.line)) {
    throw new Error(`${session.spec.label} reports a problem on the edited line of the valid card: ${JSON.stringify(first.params.diagnostics)}`);
  }
  return { openMs: first.receivedAt - sentAt, diagnosticsOnOpen: first.params.diagnostics.length };
}

/**
 * Alternates the mid-card metric value between text (a schema error) and its number, and times
 * each change up to the publication that reflects it. A server that sends `version` must send the
 * edit's; for one that does not, the publication is recognised by its content: an error on the
 * edited line or none.
 */
async function measureEdits(session: LspSession, card: GeneratedCard, workload: Workload): Promise<number[]> {
  const { line, character, text: validValue } = card.landmarks.editedValue;
  let current = validValue;
  const latencies: number[] = [];
  for (let edit = 1; edit <= workload.warmupEdits + workload.edits; edit++) {
    const version = edit + 1;
    const invalid = edit % 2 === 1;
    const next = invalid ? invalidMetricValue : validValue;
    const from = session.publications.length;
    const range = { start: { line, character }, end: { line, character: character + current.length } };
    const sentAt = await session.change(cardUri, version, [{ range, text: next }]);
    const published = await session.waitForPublication(
      cardUri,
      from,
      (params) => (params.version === undefined || params.version === version) && hasDiagnosticOnLine(params, line) === invalid,
      `the diagnostics of edit ${edit} (${invalid ? 'an error' : 'no error'} on line ${line})`,
    );
    current = next;
    if (edit > workload.warmupEdits) latencies.push(published.receivedAt - sentAt);
  }
  return latencies;
}

async function measureCompletion(session: LspSession, card: GeneratedCard, workload: Workload): Promise<Partial<ServerMeasurement>> {
  type Completions = CompletionItem[] | CompletionList | null;
  const itemCount = (result: Completions) => (Array.isArray(result) ? result : (result?.items ?? [])).length;
  const inMapping = await measureRequests<Completions>(session, 'textDocument/completion', card.landmarks.keyInMidCardMapping, workload);
  const atTopLevel = await measureRequests<Completions>(session, 'textDocument/completion', card.landmarks.topLevel, workload);
  return {
    completionInMappingMs: inMapping.latencies,
    completionAtTopLevelMs: atTopLevel.latencies,
    completionItems: { inMapping: itemCount(inMapping.lastResult), atTopLevel: itemCount(atTopLevel.lastResult) },
  };
}

async function measureHover(session: LspSession, card: GeneratedCard, workload: Workload): Promise<Partial<ServerMeasurement>> {
  const { latencies, lastResult } = await measureRequests<Hover | null>(session, 'textDocument/hover', card.landmarks.hoveredKey, workload);
  return { hoverMs: latencies, hoverAnswered: Boolean(lastResult?.contents) };
}

/** Round-trip times of `method` at `position` after the warm-up requests, and the last answer. */
async function measureRequests<R>(session: LspSession, method: string, position: Position, workload: Workload): Promise<{ latencies: number[]; lastResult: R }> {
  const latencies: number[] = [];
  let lastResult: R | undefined;
  for (let request = 1; request <= workload.warmupRequests + workload.requests; request++) {
    const { result, ms } = await session.timedRequest<R>(method, { textDocument: { uri: cardUri }, position });
    if (request > workload.warmupRequests) latencies.push(ms);
    lastResult = result;
  }
  return { latencies, lastResult: lastResult as R };
}

function hasDiagnosticOnLine(params: PublishDiagnosticsParams, line: number): boolean {
  return params.diagnostics.some((diagnostic) => diagnostic.range.start.line === line);
}
