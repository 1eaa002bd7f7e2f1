import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FillEditsParams, FillOutcome, ModelCardSettings, RunList, StoreParams } from '../protocol';
import { nodeTrackerIO } from '../node/nodeTrackerIO';
import { readCardsTrackerValues, resolveStore, storeForCard } from '../node/storePaths';
import { bindingKey, metricBindings } from '../service/card/metricBindings';
import type { LanguageService } from '../service/languageService';
import type { TrackerValues } from '../service/trackers/boundValues';
import { openTracker } from '../service/trackers/openTracker';
import { numberText } from '../service/trackers/precision';
import { TrackerError, type TrackerReader } from '../service/trackers/trackerTypes';
import { runInSlices } from './runInSlices';

/**
 * The language server's side of tracker runs: the bound runs' values of each open card (read on
 * open and on save, kept for validation and hover), and the requests of "Fill from Experiment Run…".
 */
export class TrackerRuns {
  private readonly valuesByUri = new Map<string, TrackerValues>();

  constructor(private readonly service: LanguageService) {}

  /** The values read for the card, when its bound results are verified (see `refresh`). */
  valuesFor(uri: string, settings: ModelCardSettings): TrackerValues | undefined {
    return settings.verify.onSave === 'off' ? undefined : this.valuesByUri.get(uri);
  }

  /**
   * Reads the bound runs of the card again (with their histories, for hover). With `auto`, only
   * the bindings whose store is there are read; a card without any is not verified.
   */
  async refresh(document: TextDocument, settings: ModelCardSettings): Promise<void> {
    const file = filePath(document.uri);
    if (!file || settings.verify.onSave === 'off') {
      this.valuesByUri.delete(document.uri);
      return;
    }
    // A large card is read in slices, between which requests are answered; an edit meanwhile ends the refresh (the next save refreshes).
    const version = document.version;
    const card = await runInSlices(this.service.parseSteps(document), () => document.version === version);
    if (!card) return;
    const present = metricBindings(card).filter((binding) => settings.verify.onSave === 'on' || existsSync(resolveStore(file, binding.source.store)));
    if (present.length === 0) {
      this.valuesByUri.delete(document.uri);
      return;
    }
    const [values] = await readCardsTrackerValues([{ file, card }], { history: true });
    const kept = new Set(present.map((binding) => bindingKey(binding.source)));
    this.valuesByUri.set(document.uri, new Map([...values].filter(([key]) => kept.has(key))));
  }

  forget(uri: string): void {
    this.valuesByUri.delete(uri);
  }

  async listRuns({ tracker, store }: StoreParams): Promise<RunList> {
    return withReader(tracker, store, async (reader) => ({
      runs: (await reader.listRuns()).map((run) => ({
        id: run.id,
        ...(run.name ? { name: run.name } : {}),
        ...(run.experiment ? { experiment: run.experiment } : {}),
        status: run.status,
        ...(run.startTime !== undefined ? { startTime: run.startTime } : {}),
        metrics: Object.entries(run.metrics).map(([key, value]): [string, string] => [key, numberText(value)]),
      })),
    }), (error) => ({ runs: [], error }));
  }

  async fillEdits(document: TextDocument, params: FillEditsParams): Promise<FillOutcome> {
    const file = filePath(document.uri);
    const refused = (message: string): FillOutcome => ({ version: document.version, edits: [], changes: [], notices: [], refused: message });
    if (!file) return refused('Save the card to a file first: its store is named relative to it.');
    return withReader(params.tracker, params.store, async (reader) => {
      const [run] = await reader.readRuns([params.runId]);
      return this.service.fillFromRun(document, { ...params.selection, run, store: storeForCard(file, params.store) });
    }, refused);
  }
}

/** Runs `work` on the store's reader, closing it after; a store that cannot be read gives `failed(message)`. */
async function withReader<T>(tracker: StoreParams['tracker'], store: string, work: (reader: TrackerReader) => Promise<T>, failed: (message: string) => T): Promise<T> {
  let reader: TrackerReader | undefined;
  try {
    reader = await openTracker(nodeTrackerIO, tracker, store);
    return await work(reader);
  } catch (error) {
    if (error instanceof TrackerError) return failed(error.message);
    throw error;
  } finally {
    reader?.close();
  }
}

function filePath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}
