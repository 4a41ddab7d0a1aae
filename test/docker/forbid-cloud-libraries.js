// Preloaded into `lading synth --target docker`: fails the process if it loads a library of another target.
const Module = require('module');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (/^(cdk8s|cdk8s-plus-27|aws-cdk-lib)(\/|$)/.test(request)) throw new Error(`--target docker loaded ${request}`);
  return load.call(this, request, ...rest);
};
