// Writes docs/diagnostics.md from the catalogue of diagnostic codes.
import * as fs from 'fs';
import * as path from 'path';
import { renderCatalogue } from '../lib/diagnostics/catalogue';

const file = path.join(__dirname, '..', 'docs', 'diagnostics.md');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, renderCatalogue());
console.log(`wrote ${path.relative(process.cwd(), file)}`);
