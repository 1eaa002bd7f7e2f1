// Lets tests import the card templates (templates/*.yaml) as text, as esbuild's text loader does in the bundles.
const { readFileSync } = require('node:fs');

require.extensions['.yaml'] = (module, filename) => {
  module.exports = { __esModule: true, default: readFileSync(filename, 'utf8') };
};
