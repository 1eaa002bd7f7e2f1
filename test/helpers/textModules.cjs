// Lets tests and scripts run from source (sync:rules) import the templates (templates/*.yaml) and stylesheets (*.css) as text, as esbuild's text loader does in the bundles.
const { readFileSync } = require('node:fs');

const asText = (module, filename) => {
  module.exports = { __esModule: true, default: readFileSync(filename, 'utf8') };
};
require.extensions['.yaml'] = asText;
require.extensions['.css'] = asText;
