import * as fs from 'fs';
import { composeTarget } from '../lib/targets/compose';
import type { TargetResult } from '../lib/targets/target';
import { generateSystem } from './generate';

/**
 * Writes the Compose file of the generated system of n services, as the Compose target renders it: the input of
 * the import benchmark. Usage: compose-file <services> <out>
 */
const [n, out] = process.argv.slice(2);
const spec = generateSystem(Number(n)).toSpec();
const result = composeTarget.render(spec, { projectRoot: process.cwd(), projectRootFromTargetDir: '../..' }) as TargetResult;
const file = result.files.find((f) => f.path === `${spec.name}/compose.yaml`);
if (!file) throw new Error(`the Compose target wrote no compose.yaml for ${n} services`);
fs.writeFileSync(out, file.content);
