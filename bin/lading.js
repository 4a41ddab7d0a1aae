#!/usr/bin/env node
// The `lading` command. TypeScript (lading's own and the apps') is compiled on load by swc (bin/register.js).
require('./register');

require('./cli').main(process.argv).then((code) => {
  process.exitCode = code;
});
