import { IMPORT_CODES } from '../import/compose/codes';
import { LINT_CODES } from '../lint/codes';
import { COMPOSE_CODES } from '../targets/compose/codes';
import { DOCKER_CODES } from '../targets/docker/codes';
import { ECS_CODES } from '../targets/ecs/codes';
import { KUBERNETES_CODES } from '../targets/kubernetes/codes';
import { SWARM_CODES } from '../targets/swarm/codes';
import { GENERAL_CODES, type CodeEntry, type CodeTable } from './codes';

/**
 * Every diagnostic code lading emits, by area. The codes files hold plain data only, so reading the catalogue
 * loads no target library. docs/diagnostics.md is generated from it (`npm run docs`).
 */
export const CATALOGUE: ReadonlyArray<{ readonly area: string; readonly codes: CodeTable }> = [
  { area: 'General', codes: GENERAL_CODES },
  { area: 'Compose', codes: COMPOSE_CODES },
  { area: 'Kubernetes', codes: KUBERNETES_CODES },
  { area: 'ECS', codes: ECS_CODES },
  { area: 'Docker', codes: DOCKER_CODES },
  { area: 'Swarm', codes: SWARM_CODES },
  { area: 'Lint', codes: LINT_CODES },
  { area: 'Import', codes: IMPORT_CODES },
];

/** Looks up a code; undefined when it is not documented. */
export function lookupCode(code: string): CodeEntry | undefined {
  for (const { codes } of CATALOGUE) if (Object.prototype.hasOwnProperty.call(codes, code)) return (codes as Record<string, CodeEntry>)[code];
  return undefined;
}

/** The Markdown page that documents every code. */
export function renderCatalogue(): string {
  const lines = [
    '# Diagnostics',
    '',
    'Every finding lading reports has this shape: a stable code, a severity, the construct path and prop, the',
    'target when it is target-specific, a message and a fix. An `error` stops the output of its target and makes',
    '`lading synth` exit 1; `--strict` counts warnings as errors; `info` says how a concept was approximated.',
    '',
    "A workload turns off a lint rule, or a target's warning or info, with `suppress: { '<code>': '<reason>' }`;",
    '`lading check` lists what was turned off, and why.',
    '',
    'This page is generated from `lib/diagnostics/catalogue.ts` by `npm run docs`; a test keeps the two in step.',
    '',
  ];
  for (const { area, codes } of CATALOGUE) {
    lines.push(`## ${area}`, '', '| code | severity | meaning |', '| --- | --- | --- |');
    for (const code of Object.keys(codes).sort()) {
      lines.push(`| \`${code}\` | ${(codes as Record<string, CodeEntry>)[code].severity} | ${(codes as Record<string, CodeEntry>)[code].summary.replace(/\|/g, '\\|')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
