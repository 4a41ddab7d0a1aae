// A child process for the kill test: writes the units of a JSON file into an output folder, as synth does.
// Run as: node -r bin/register.js test/properties/support/write-child.ts <outDir> <units.json> <projectRoot>
// It loads everything, prints `ready`, and writes when a line arrives on stdin: the parent starts the next
// child while the current one runs, and times its kill from the moment it sends that line.
import * as fs from 'fs';
import { writeOutput, type OutputUnit } from '../../../lib/synth/write-output';

const [outDir, unitsFile, projectRoot] = process.argv.slice(2);
const units = JSON.parse(fs.readFileSync(unitsFile, 'utf8')) as OutputUnit[];
process.stdout.write('ready\n');
process.stdin.once('data', () => {
  writeOutput(outDir, units, { projectRoot });
  process.stdout.write('written\n');
  process.exit(0);
});
