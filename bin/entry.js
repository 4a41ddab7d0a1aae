// Where one of lading's bin modules is: its TypeScript source in a checkout of lading (compiled on load by
// ./register.js), else the JavaScript `npm run build` compiled into dist-lib/ (an installed package ships no
// bin/*.ts).
const fs = require('fs');
const path = require('path');

module.exports = function binModule(name) {
  const source = path.join(__dirname, `${name}.ts`);
  return fs.existsSync(source) ? source : path.join(__dirname, '..', 'dist-lib', 'bin', `${name}.js`);
};
