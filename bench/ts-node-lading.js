// `lading` with ts-node as the loader (transpile only, compiled by swc), instead of bin/register.js: a benchmark
// variant that shows what loading the TypeScript compiler costs.
const path = require('path');
require('ts-node').register({ transpileOnly: true, swc: true, project: path.join(__dirname, '..', 'tsconfig.json') });
require('../bin/cli').main(process.argv).then((code) => {
  process.exitCode = code;
});
