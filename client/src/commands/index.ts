import type { Ctx } from '../ctx';
import { copyDiagram } from './copyDiagram';
import { exportCard } from './exportCard';
import { fillFromRun } from './fillFromRun';
import { importCard } from './importCard';
import { newCard } from './newCard';
import { recordApproval } from './recordApproval';
import { requestReview } from './requestReview';
import { restartServer } from './restartServer';
import { showOutput } from './showOutput';
import { signOffSection } from './signOffSection';

/**
 * The commands this module registers, by the id package.json declares. The preview commands
 * (`modelcard.showPreview`, `modelcard.showPreviewToSide`) are registered by the preview.
 */
// `any[]`: a command gets whatever arguments its caller passes (the explorer passes the folder clicked).
export const commandFactories: Record<string, (ctx: Ctx) => (...args: any[]) => unknown> = {
  'modelcard.newCard': newCard,
  'modelcard.export': exportCard,
  'modelcard.copyDiagram': copyDiagram,
  'modelcard.importCard': importCard,
  'modelcard.fillFromRun': fillFromRun,
  'modelcard.requestReview': requestReview,
  'modelcard.recordApproval': recordApproval,
  'modelcard.signOffSection': signOffSection,
  'modelcard.restartServer': restartServer,
  'modelcard.showOutput': showOutput,
};
