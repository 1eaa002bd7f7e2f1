// Mocha inside the extension host. Imported before the test modules (see index.ts) so that
// `describe` and `it` exist as globals when they load.
import { format } from 'node:util';
import Mocha from 'mocha';
import { reportMarker } from './reportMarker';

export const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
mocha.suite.emit('pre-require', globalThis, 'extension-host', mocha);

// The extension host forwards console output to the workbench's log, which the runner reads.
const consoleLog = Mocha.reporters.Base.consoleLog;
Mocha.reporters.Base.consoleLog = (...data: unknown[]) => consoleLog(reportMarker + format(...data));
