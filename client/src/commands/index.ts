import type { Ctx } from '../ctx';

type CommandFactoriesModule = typeof import('./commandFactories');

/**
 * The commands this module registers, by the id package.json declares. The preview commands
 * (`modelcard.showPreview`, `modelcard.showPreviewToSide`) are registered by the preview.
 */
export const commandIds = [
  'modelcard.newCard',
  'modelcard.export',
  'modelcard.copyDiagram',
  'modelcard.importCard',
  'modelcard.fillFromRun',
  'modelcard.requestReview',
  'modelcard.recordApproval',
  'modelcard.signOffSection',
  'modelcard.restartServer',
  'modelcard.showOutput',
] as const;

export type CommandId = (typeof commandIds)[number];

// `any[]`: a command gets whatever arguments its caller passes (the explorer passes the folder clicked).
export type CommandFactory = (ctx: Ctx) => (...args: any[]) => unknown;

let factories: CommandFactoriesModule['commandFactories'] | undefined;

/** The command `id`; its code (./commandFactories) loads when a command first runs. */
export function lazyCommand(ctx: Ctx, id: CommandId): (...args: unknown[]) => unknown {
  let run: ((...args: unknown[]) => unknown) | undefined;
  return (...args) => {
    factories ??= (require('./commandFactories') as CommandFactoriesModule).commandFactories;
    run ??= factories[id](ctx);
    return run(...args);
  };
}
