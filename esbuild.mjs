// Builds one bundle per process into dist/: the language server, the CLI, the VS Code client and
// the preview page's script; the WASM SQLite that reads MLflow stores (dist/sqlite.js with
// dist/sqlite3.wasm), which the server and the CLI load only when they read a store; the
// CycloneDX library (dist/cyclonedx.js), loaded on the first CycloneDX export; and the Mermaid
// renderer (dist/mermaid.js), loaded on the first ```mermaid block; the VS Code client's language
// client (dist/languageClient.js) and commands (dist/commands.js), loaded after activation.
// `node esbuild.mjs --watch` rebuilds on change.
import * as esbuild from 'esbuild';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const watch = process.argv.includes('--watch');
const vocabularyModule = path.resolve('server/src/service/vocabulary/vocabularies.ts');
const kindRegistryModule = path.resolve('server/src/service/kinds/registry.ts');

/** Bundles a TypeScript module in memory and returns its exports, evaluated here at build time. */
async function evaluateModule(entry) {
  const { outputFiles } = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    logLevel: 'silent',
    loader: { '.yaml': 'text' },
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', outputFiles[0].text)(module, module.exports, createRequire(path.resolve(entry)));
  return module.exports;
}

/** Replaces the vocabulary module by its values, so the packages it reads stay out of the bundles. */
const inlineVocabularies = {
  name: 'inline-vocabularies',
  setup(build) {
    build.onLoad({ filter: /vocabulary[\\/]vocabularies\.ts$/ }, async () => {
      const values = await evaluateModule(vocabularyModule);
      const contents = Object.entries(values)
        .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};`)
        .join('\n');
      return { contents, loader: 'js' };
    });
  },
};

let registry;
/** The document kinds of the registry (server/src/service/kinds/registry.ts), evaluated once for all the builds. */
function documentKinds() {
  registry ??= evaluateModule(kindRegistryModule).then((module) => module.documentKinds);
  return registry;
}

/**
 * Replaces the schema validator module by ajv's precompiled code for each kind of the registry:
 * no schema compiler in the bundles, no compiling at start.
 */
const precompileSchemaValidator = {
  name: 'precompile-schema-validator',
  setup(build) {
    build.onLoad({ filter: /schema[\\/]schemaValidator\.ts$/ }, async ({ path: file }) => {
      const [{ validatorSource }, kinds] = await Promise.all([evaluateModule(file), documentKinds()]);
      const source = validatorSource(Object.fromEntries(kinds.map((kind) => [kind.id, { schema: kind.schema.validated, references: kind.schema.references }])));
      const lookup = "(kindId) => module.exports[kindId] ?? (() => { throw new Error(`No precompiled validator for the ${kindId} kind`); })()";
      const contents = `${source}\nmodule.exports.createSchemaValidator = ${lookup};\n`;
      return { contents, loader: 'js', resolveDir: path.dirname(file) };
    });
  },
};

/**
 * yaml ships CommonJS for Node and the same code as ES modules for other platforms. Bundled as ES
 * modules, its functions are called directly instead of through CommonJS interop getters: `modelcard
 * lint` of 1,000 cards takes about 15% less CPU (3.1 s instead of 3.7 s, measured with perf stat).
 */
const yamlAsEsModules = {
  name: 'yaml-as-es-modules',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: path.resolve('node_modules/yaml/browser/index.js') }));
  },
};

/**
 * esbuild escapes characters outside ASCII in strings, but not in regular expression literals;
 * one left there makes V8 keep the whole bundle's source as two bytes a character (see
 * assertAsciiBundles). In the packages that have some (markdown-it's typographer), they are
 * written as \u escapes, which mean the same in a regular expression.
 */
const asciiRegularExpressions = {
  name: 'ascii-regular-expressions',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/].*\.[cm]?js$/ }, async ({ path: file }) => {
      const text = await readFile(file, 'utf8');
      if (!/[^\x00-\x7f]/.test(text)) return undefined;
      const { default: ts } = await import('typescript');
      const literals = [];
      const visit = (node) => {
        if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && /[^\x00-\x7f]/.test(node.text)) literals.push(node);
        ts.forEachChild(node, visit);
      };
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
      visit(source);
      if (literals.length === 0) return undefined;
      let contents = text;
      for (const literal of literals.reverse()) {
        const escaped = literal.text.replace(/[^\x00-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
        contents = contents.slice(0, literal.getStart(source)) + escaped + contents.slice(literal.end);
      }
      return { contents, loader: 'js', resolveDir: path.dirname(file) };
    });
  },
};

/** The server and the CLI require the SQLite module at run time, from its own bundle beside them. */
const sqliteApart = {
  name: 'sqlite-apart',
  setup(build) {
    build.onResolve({ filter: /[\\/]sqliteReadOnly$/ }, () => ({ path: './sqlite.js', external: true }));
  },
};

/** The server and the CLI require the CycloneDX library at run time, from its own bundle beside them. */
const cycloneDxApart = {
  name: 'cyclonedx-apart',
  setup(build) {
    build.onResolve({ filter: /[\\/]cycloneDxLibrary$/ }, () => ({ path: './cyclonedx.js', external: true }));
  },
};

/** The server and the CLI require the Mermaid renderer at run time, from its own bundle beside them. */
const mermaidApart = {
  name: 'mermaid-apart',
  setup(build) {
    build.onResolve({ filter: /[\\/]mermaidLibrary$/ }, () => ({ path: './mermaid.js', external: true }));
  },
};

/**
 * The VS Code client requires the language client and the commands at run time, each from its own
 * bundle beside it: activation loads neither (the extension host counts code loading as activation).
 */
const clientPartsApart = {
  name: 'client-parts-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/languageClient$/ }, () => ({ path: './languageClient.js', external: true }));
    build.onResolve({ filter: /^\.\/commandFactories$/ }, () => ({ path: './commands.js', external: true }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: !watch,
  sourcemap: watch ? 'linked' : false,
  legalComments: 'none',
  // Some ESM dependencies read import.meta.url, which a CommonJS bundle lacks.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
  plugins: [inlineVocabularies, precompileSchemaValidator, yamlAsEsModules, asciiRegularExpressions],
  // The templates (templates/*.modelcard.yaml, *.datasheet.yaml, *.systemcard.yaml) and the standalone page's stylesheets are bundled as text.
  loader: { '.yaml': 'text', '.css': 'text' },
};

const builds = [
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [...common.plugins, sqliteApart, cycloneDxApart, mermaidApart] },
  {
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
    plugins: [...common.plugins, sqliteApart, cycloneDxApart, mermaidApart],
  },
  // beautiful-mermaid with ELK, for ```mermaid blocks: loaded on the first one.
  { ...common, entryPoints: ['server/src/service/render/diagram/mermaidLibrary.ts'], outfile: 'dist/mermaid.js' },
  // The library's optional plug-ins (XML, validation, package URLs) are looked for at run time and are not used.
  {
    ...common,
    entryPoints: ['server/src/service/formats/cycloneDx/cycloneDxLibrary.ts'],
    outfile: 'dist/cyclonedx.js',
    external: ['xmlbuilder2', 'libxmljs2', 'ajv', 'ajv-formats', 'ajv-formats-draft2019', 'packageurl-js', 'spdx-expression-parse'],
  },
  // SQLite's own WebAssembly build finds sqlite3.wasm beside this file (copied by copySqliteWasm).
  { ...common, entryPoints: ['server/src/node/sqliteReadOnly.ts'], outfile: 'dist/sqlite.js' },
  // The VS Code client; `vscode` is the extension host's. What activation runs is in dist/client.js;
  // the language client (vscode-languageclient) and the commands load after, from their own bundles.
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'], plugins: [...common.plugins, clientPartsApart] },
  { ...common, entryPoints: ['client/src/languageClient.ts'], outfile: 'dist/languageClient.js', external: ['vscode'] },
  { ...common, entryPoints: ['client/src/commands/commandFactories.ts'], outfile: 'dist/commands.js', external: ['vscode'] },
  // The preview page's script, in the webview (a browser page): one IIFE, nothing global.
  {
    entryPoints: ['client/preview-src/index.ts'],
    outfile: 'dist/preview.js',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: !watch,
    sourcemap: watch ? 'inline' : false,
    legalComments: 'none',
    logLevel: 'warning',
  },
];

/**
 * Each kind's schema, standing alone with its vocabularies filled in, for editors that read JSON
 * Schema (Red Hat YAML): dist/modelcard.schema.json, dist/datasheet.schema.json ...
 */
async function writeSchemas() {
  await mkdir('dist', { recursive: true });
  for (const kind of await documentKinds()) {
    const stem = kind.fileSuffixes[0].split('.')[1];
    await writeFile(`dist/${stem}.schema.json`, JSON.stringify(kind.schema.json));
  }
}

async function copySqliteWasm() {
  await mkdir('dist', { recursive: true });
  await copyFile(createRequire(import.meta.url).resolve('@sqlite.org/sqlite-wasm/sqlite3.wasm'), 'dist/sqlite3.wasm');
}

/**
 * Fails when a Node bundle holds a character outside ASCII. esbuild escapes them in strings, but not
 * in regular expression literals or String.raw templates; and one is enough for V8 to keep the whole
 * source (which it holds for as long as the process runs) as two bytes a character: 1.6 MB more
 * for the server. Write `\u2013` instead of the character.
 */
async function assertAsciiBundles() {
  const nodeBundles = builds.filter((options) => options.platform === 'node').map((options) => options.outfile);
  for (const file of nodeBundles) {
    const text = await readFile(file, 'utf8');
    const at = text.search(/[^\x00-\x7f]/);
    if (at >= 0) throw new Error(`${file} holds a non-ASCII character, ${JSON.stringify(text[at])}, in: ${text.slice(Math.max(0, at - 60), at + 20)}`);
  }
}

if (watch) {
  await copySqliteWasm();
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all([...builds.map((options) => esbuild.build(options)), writeSchemas(), copySqliteWasm()]);
  await assertAsciiBundles();
}
