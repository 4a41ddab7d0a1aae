/**
 * The floor: the final objects of a target's output, serialized and nothing else.
 * - `floor prepare <compose|kubernetes|ecs> <dir> <objects.json>` reads lading's output back as objects (not timed);
 * - `floor run <compose|kubernetes|ecs> <objects.json>` loads them (JSON.parse) and times turning them into YAML or
 *   JSON text again with the serializer lading uses (js-yaml for Compose and Kubernetes, `JSON.stringify` for the
 *   templates), printing one JSON line. Its whole process is the floor of a synth process.
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as YAML from 'yaml';
import { dumpYaml } from '../lib/targets/docker-engine/yaml';
import { stringifyManifest } from '../lib/targets/kubernetes/manifest';

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const [mode, target, ...rest] = process.argv.slice(2);
if (mode === 'prepare') {
  const [dir, out] = rest;
  const all = files(dir);
  const objects =
    target === 'ecs'
      ? all.filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as unknown)
      : all.filter((f) => f.endsWith('.yaml')).map((f) => YAML.parseAllDocuments(fs.readFileSync(f, 'utf8')).map((d) => d.toJS() as unknown));
  fs.writeFileSync(out, JSON.stringify(objects));
} else {
  const objects = JSON.parse(fs.readFileSync(rest[0], 'utf8')) as unknown[];
  const t = performance.now();
  const bytes =
    target === 'ecs'
      ? objects.reduce<number>((n, o) => n + JSON.stringify(o, undefined, 1).length, 0)
      : target === 'compose'
        ? (objects as unknown[][]).reduce<number>((n, docs) => n + docs.map((d) => dumpYaml(d)).join('---\n').length, 0)
        : (objects as unknown[][]).reduce<number>((n, docs) => n + stringifyManifest(docs).length, 0);
  console.log(JSON.stringify({ serialize: performance.now() - t, bytes, maxRssKiB: process.resourceUsage().maxRSS }));
}
