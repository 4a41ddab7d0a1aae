#!/usr/bin/env node
// The `lading` command: compiles TypeScript apps on the fly (transpile only; `npm test` type-checks).
const path = require('path');
require('ts-node').register({
  transpileOnly: true,
  swc: true,
  project: path.join(__dirname, '..', 'tsconfig.json'),
});
require('./cli').main(process.argv).then((code) => {
  process.exitCode = code;
});
