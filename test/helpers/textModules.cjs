// Lets tests and scripts run from source (sync:rules) load modules as the bundles do: the templates
// (templates/*.yaml) and stylesheets (*.css) as text, as esbuild's text loader does; and the
// packages that only export ES modules (beautiful-mermaid), which esbuild bundles and which
// require() reaches here through their file, not their package name.
const Module = require('node:module');
const path = require('node:path');
const { readFileSync } = require('node:fs');

const asText = (module, filename) => {
  module.exports = { __esModule: true, default: readFileSync(filename, 'utf8') };
};
require.extensions['.yaml'] = asText;
require.extensions['.css'] = asText;

const esModuleOnly = { 'beautiful-mermaid': path.resolve(__dirname, '../../node_modules/beautiful-mermaid/dist/index.js') };
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, esModuleOnly[request] ?? request, ...rest);
};
