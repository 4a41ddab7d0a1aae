// Preloaded into a lading process by the benchmark: turns aws-cdk-lib's built-in CloudFormation validation back on
// for every App, as soon as aws-cdk-lib is first loaded.
const Module = require('module');
const load = Module._load;
let patched = false;
Module._load = function (request, ...rest) {
  const exported = load.call(this, request, ...rest);
  if (!patched && request === 'aws-cdk-lib' && exported.App) {
    patched = true;
    const synth = exported.App.prototype.synth;
    exported.App.prototype.synth = function (...args) {
      this._builtinCloudFormationValidation = true;
      return synth.apply(this, args);
    };
  }
  return exported;
};
