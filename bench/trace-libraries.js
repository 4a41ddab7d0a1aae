// Preloaded into a lading process by the benchmark: prints which rendering libraries it loaded, on exit.
const Module = require('module');
const load = Module._load;
const seen = new Set();
Module._load = function (request, ...rest) {
  const m = /^(cdk8s-plus-27|cdk8s|aws-cdk-lib)(\/|$)/.exec(request);
  if (m) seen.add(m[1]);
  return load.call(this, request, ...rest);
};
process.on('exit', () => process.stderr.write(`\nlibraries-loaded: ${JSON.stringify([...seen].sort())}\n`));
