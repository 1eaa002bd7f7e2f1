// Preloaded (node --require) into a child process: at exit, writes every module it required and
// every file it opened to the file named by RECORD_LOADS, one per line.
const fs = require('node:fs');
const Module = require('node:module');

const loaded = [];
const load = Module._load;
Module._load = function (request, parent, isMain) {
  loaded.push(`require ${request}`);
  return load.call(this, request, parent, isMain);
};
for (const name of ['openSync', 'readFileSync']) {
  const original = fs[name];
  fs[name] = function (file, ...rest) {
    loaded.push(`open ${String(file)}`);
    return original.call(this, file, ...rest);
  };
}
process.on('exit', () => fs.writeFileSync(process.env.RECORD_LOADS, loaded.join('\n')));
