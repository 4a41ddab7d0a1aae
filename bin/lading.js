#!/usr/bin/env node
// The `lading` command. Apps written in TypeScript (and lading's own sources in a checkout) are compiled on load
// by swc (bin/register.js).
require('./register');

require(require('./entry')('cli')).main(process.argv).then((code) => {
  process.exitCode = code;
});
