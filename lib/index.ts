/**
 * The public API of lading: `import { System, Service, Port } from 'lading'`.
 *
 * - the model: the constructs an app is written with (System, Service, Job, Sidecar, Network, Volume, Secret,
 *   Image, Port, Mount, HealthCheck, Dependency, ...), their props, and the spec they resolve to;
 * - `synth()`: what `lading synth` does, for programs;
 * - the diagnostics: their shape, and the functions that sort, format and count them.
 *
 * Test helpers are in `lading/testing`.
 */
export * from './model';
export { synth, type SynthOptions, type SynthResult } from './synth/synth';
export { AppLoadError, loadApps, type LoadedApp } from './synth/load-apps';
export { TARGET_NAMES, type Diagnostic, type Severity, type TargetName } from './diagnostics/diagnostic';
export { countBySeverity, countsPhrase, failsWith, formatDiagnostic, formatLines, sortDiagnostics, type Review } from './diagnostics/pipeline';
export type { Suppressed } from './diagnostics/suppressions';
export { ladingVersion } from './package-info';
