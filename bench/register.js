// Compiles TypeScript on the fly as bin/lading.js does (transpile only, with swc), for the benchmark's scripts.
const path = require('path');
require('ts-node').register({ transpileOnly: true, swc: true, project: path.join(__dirname, '..', 'tsconfig.json') });
