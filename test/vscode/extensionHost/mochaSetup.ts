// Mocha inside the extension host. Imported before the test modules (see index.ts) so that
// `describe` and `it` exist as globals when they load.
import Mocha from 'mocha';

export const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60_000 });
mocha.suite.emit('pre-require', globalThis, 'extension-host', mocha);
