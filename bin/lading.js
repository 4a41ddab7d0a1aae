#!/usr/bin/env node
// The `lading` command. TypeScript (lading's own and the apps') is compiled on load by swc, transpile only:
// no TypeScript compiler is loaded here; `npm test` type-checks with `tsc --noEmit`.
const fs = require('fs');
const swc = require('@swc/core');

process.setSourceMapsEnabled(true); // stack traces of app errors point at the .ts lines
require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    swcrc: false,
    sourceMaps: 'inline',
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022', keepClassNames: true },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

require('./cli').main(process.argv).then((code) => {
  process.exitCode = code;
});
