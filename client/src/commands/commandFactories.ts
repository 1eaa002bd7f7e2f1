// The commands' code, bundled apart (dist/commands.js) and loaded on the first run of one of them
// (./index.ts): the card templates and the YAML library they use stay out of activation.
import type { CommandFactory, CommandId } from '.';
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

export const commandFactories: Record<CommandId, CommandFactory> = {
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
