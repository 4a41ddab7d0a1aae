// Compiles TypeScript on load with @swc/core, transpile only: no TypeScript compiler is loaded
// (`npm test` type-checks with `tsc --noEmit`). Used by bin/lading.js, and preloaded with `node -r`.
// Compiled files are kept in node_modules/.cache/lading-swc (that of the project lading is installed in), or in a
// directory of the user's own in the system's temporary directory (LADING_SWC_CACHE=<dir> chooses one,
// LADING_SWC_CACHE=0 turns the cache off), keyed by a hash of the source, its path, and swc's version and options:
// an unchanged file is not compiled again, and a process whose files are all cached does not load swc at all.
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const OPTIONS = {
  swcrc: false,
  sourceMaps: 'inline',
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022', keepClassNames: true },
  module: { type: 'commonjs' },
};
const SALT = JSON.stringify([require('@swc/core/package.json').version, OPTIONS]);

/** The node_modules lading is installed in (a project's own), or, in a checkout of lading, the checkout's. */
function nodeModules() {
  const parts = __dirname.split(path.sep);
  const at = parts.lastIndexOf('node_modules');
  return at >= 0 ? parts.slice(0, at + 1).join(path.sep) : path.join(__dirname, '..', 'node_modules');
}

function cacheDir() {
  const chosen = process.env.LADING_SWC_CACHE;
  if (chosen === '0') return undefined;
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const candidates = chosen
    ? [path.resolve(chosen)]
    : [path.join(nodeModules(), '.cache', 'lading-swc'), path.join(os.tmpdir(), `lading-swc-cache-${uid ?? 'user'}`)];
  for (const dir of candidates) {
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      fs.accessSync(dir, fs.constants.W_OK);
      // only a directory of this user's own: nobody else can plant code in it
      if (uid !== undefined && fs.statSync(dir).uid !== uid) continue;
      return dir;
    } catch {
      // not writable: try the next one
    }
  }
  return undefined;
}
const CACHE = cacheDir();

let swc;
function compile(source, filename) {
  swc ??= require('@swc/core');
  return swc.transformSync(source, { ...OPTIONS, filename }).code;
}

// Stack traces of app errors point at the .ts lines. Libraries' own inline source maps (some of cdk8s's are a
// megabyte) are not read: decoding them on every load costs more than the rest of loading them. Nor are those of
// lading's own modules (lib/, bin/), as an installed lading, compiled without source maps, has none: Node decodes a
// module's map as it loads it, about a fifth of loading lading (20 ms of a 1,000-service Kubernetes synth).
// `node --enable-source-maps bin/lading.js` maps lading's own lines too.
const Module = require('module');
const LIBRARY = `${path.sep}node_modules${path.sep}`;
const OWN_DIRS = [path.join(__dirname, '..', 'lib') + path.sep, __dirname + path.sep];
const MAP_OWN = process.sourceMapsEnabled;
const compileModule = Module.prototype._compile;
Module.prototype._compile = function compileMapped(content, filename, ...rest) {
  process.setSourceMapsEnabled(!filename.includes(LIBRARY) && (MAP_OWN || !OWN_DIRS.some((dir) => filename.startsWith(dir))));
  try {
    return compileModule.call(this, content, filename, ...rest);
  } finally {
    process.setSourceMapsEnabled(true);
  }
};
process.setSourceMapsEnabled(true);
require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  if (!CACHE) return module._compile(compile(source, filename), filename);
  const key = crypto.createHash('sha256').update(SALT).update('\0').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(CACHE, `${key}.js`);
  let code;
  try {
    code = fs.readFileSync(cached, 'utf8');
  } catch {
    code = compile(source, filename);
    // written whole under a temporary name, then renamed: a concurrent reader sees all of it or nothing
    const partial = `${cached}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(partial, code);
      fs.renameSync(partial, cached);
    } catch {
      fs.rmSync(partial, { force: true });
    }
  }
  module._compile(code, filename);
};

// An app module may import `lading` (and `lading/testing`) wherever it sits: when its folder has no lading of its
// own in node_modules, it gets the lading that loads it (the one running this file).
const OWN = { lading: 'index', 'lading/testing': 'testing/index' };
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveOwnLading(request, ...rest) {
  try {
    return resolveFilename.call(this, request, ...rest);
  } catch (e) {
    if (!Object.hasOwn(OWN, request) || e?.code !== 'MODULE_NOT_FOUND') throw e;
    const source = path.join(__dirname, '..', 'lib', `${OWN[request]}.ts`);
    return fs.existsSync(source) ? source : path.join(__dirname, '..', 'dist-lib', 'lib', `${OWN[request]}.js`);
  }
};
