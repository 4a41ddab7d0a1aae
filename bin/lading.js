#!/usr/bin/env node
// The `lading` command. Apps written in TypeScript (and lading's own sources in a checkout) are compiled on load
// by swc (bin/register.js).
//
// V8 may decide, from what survived the first collections, to allocate the objects of a busy allocation site in
// the old generation; a synth's construct trees outlive a few collections and then die, so that guess fills the old
// generation with garbage and makes every later young-generation collection slower (at 1,000 services the same
// ECS synth ran in either of two modes: about 200 or about 450 ms of collection, 235 or 390 MiB). Off, every run
// takes the faster mode (bench/RESULTS.md).
require('v8').setFlagsFromString('--no-allocation-site-pretenuring');
require('./register');

require(require('./entry')('cli')).main(process.argv).then((code) => {
  process.exitCode = code;
});
