// `lading` with ts-node type-checking every module it compiles, instead of transpiling only: a benchmark variant.
const path = require('path');
require('ts-node').register({ transpileOnly: false, project: path.join(__dirname, '..', 'tsconfig.json') });
require('../bin/cli').main(process.argv).then((code) => {
  process.exitCode = code;
});
