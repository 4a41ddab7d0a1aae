// Compiles TypeScript on load as bin/lading.js does (@swc/core, transpile only), for the benchmark's scripts and
// the hand-written baselines, so that every process pays the same loader.
require('../bin/register');
