// Compiles TypeScript on load with @swc/core, transpile only: no TypeScript compiler is loaded
// (`npm test` type-checks with `tsc --noEmit`). Used by bin/lading.js, and preloaded with `node -r`.
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
