import Module, { createRequire } from 'module';

/**
 * cdk8s requires its YAML library (the `yaml` package of its own) as it loads, for `Yaml.stringify` and
 * `Yaml.load`, which the target never calls: it writes YAML itself (block-yaml.ts). Loading that library is about
 * 40 ms of a 1,000-service synth. Imported before cdk8s, this module puts a stand-in for the library in Node's
 * module cache, which loads the library when cdk8s first reads from it (`cdk8s synth`, `app.synthYaml()`, Helm
 * and Include charts). Under a loader of its own (jest) the stand-in is never seen, and cdk8s loads the library.
 */
const cache = (Module as unknown as { _cache: Record<string, NodeJS.Module | undefined> })._cache;
const fromCdk8s = createRequire(require.resolve('cdk8s'));
const yamlFile = fromCdk8s.resolve('yaml');
const cdk8sYamlFile = fromCdk8s.resolve('./yaml');

if (!cache[yamlFile] && !cache[cdk8sYamlFile]) {
  let library: Record<string | symbol, unknown> | undefined;
  const load = () => {
    if (!library) {
      if (cache[yamlFile] === standIn) delete cache[yamlFile];
      library = fromCdk8s('yaml') as Record<string | symbol, unknown>;
    }
    return library;
  };
  // `__esModule` lets cdk8s's `__importStar` take the stand-in as it is, without listing its keys
  const exports = new Proxy({} as Record<string | symbol, unknown>, {
    get: (_, key) => (key === '__esModule' ? true : load()[key]),
    has: (_, key) => key === '__esModule' || key in load(),
  });
  const standIn = Object.assign(new Module(yamlFile), { filename: yamlFile, loaded: true, exports });
  cache[yamlFile] = standIn;
}
