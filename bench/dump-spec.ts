import * as fs from 'fs';
import { generateSystem } from './generate';

/** Writes the generated system's description (the plain spec) as JSON, the input of the hand-written baselines. */
const [n, out] = process.argv.slice(2);
fs.writeFileSync(out, JSON.stringify(generateSystem(Number(n)).toSpec()));
