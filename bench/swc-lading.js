// `lading` compiled by @swc/core alone, through a plain require hook (no ts-node, so no TypeScript compiler is
// loaded): a benchmark variant that shows what the loader costs.
const fs = require('fs');
const swc = require('@swc/core');
require.extensions['.ts'] = function compile(module, filename) {
  const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    swcrc: false,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
require('../bin/cli').main(process.argv).then((code) => {
  process.exitCode = code;
});
