import * as path from 'path';
import { loadApps } from '../../lib/synth/load-apps';
import { MODEL, projectWithApps, runLading } from '../support/run-cli';

const staged = (name: string, stages?: string) => `
import { Image, Service, System, type Stage } from ${MODEL};
${stages === undefined ? '' : `export const stages = ${stages};`}
export default function app(stage: Stage): System {
  const sys = new System('${name}');
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), replicas: stage.name === 'prod' ? 3 : 1 });
  return sys;
}
`;
const rel = (dir: string, file: string) => path.relative(process.cwd(), path.join(dir, 'apps', file));

describe('stages an app names: export const stages = [...]', () => {
  test('GIVEN an app that names dev and prod WHEN --stage prdo THEN one line lists the stages and nothing is built', () => {
    const dir = projectWithApps({ 'shop.ts': staged('shop', `['dev', 'prod']`) });
    expect(() => loadApps(path.join(dir, 'apps'), undefined, 'prdo')).toThrow(
      `--stage prdo: no app knows this stage (the stages ${rel(dir, 'shop.ts')} names: dev, prod). Write --stage dev or another of them, or add 'prdo' to an app's stages.`,
    );
    expect(loadApps(path.join(dir, 'apps'), undefined, 'prod').map((a) => [a.name, a.spec.services[0].replicas, a.findings])).toEqual([['shop', 3, []]]);
  });

  test('GIVEN two apps, one that knows staging WHEN --stage staging THEN the other is named with its stages', () => {
    const dir = projectWithApps({ 'a.ts': staged('a', `['dev', 'staging']`), 'b.ts': staged('b', `['dev', 'prod']`) });
    expect(() => loadApps(path.join(dir, 'apps'), undefined, 'staging')).toThrow(
      `${rel(dir, 'b.ts')}: --stage staging is not one of the app's stages (dev, prod). Add 'staging' to its stages, or leave it out with --app and the other apps' names.`,
    );
    expect(loadApps(path.join(dir, 'apps'), ['a'], 'staging').map((a) => a.name)).toEqual(['a']);
  });

  test('GIVEN an app whose stages leave out the default WHEN no --stage THEN the line names the default stage', () => {
    const dir = projectWithApps({ 'p.ts': staged('p', `['prod']`) });
    expect(() => loadApps(path.join(dir, 'apps'))).toThrow(`the default stage dev: no app knows this stage (the stages ${rel(dir, 'p.ts')} names: prod).`);
  });

  test('GIVEN stages that are not a list of DNS labels WHEN loaded THEN one line shows how to write them', () => {
    const dir = projectWithApps({ 'x.ts': staged('x', `'prod'`), 'y.ts': staged('y', `['dev', 'Prod']`) });
    expect(() => loadApps(path.join(dir, 'apps'))).toThrow(
      [
        `${rel(dir, 'x.ts')}: stages must list the stage names the app builds (got "prod"). Write e.g. export const stages = ['dev', 'prod'].`,
        `${rel(dir, 'y.ts')}: stages names "Prod", which is no DNS-1123 label. Write e.g. export const stages = ['dev', 'prod'].`,
      ].join('\n'),
    );
  });

  test('GIVEN a stage function that names no stages WHEN built for another stage than dev THEN synth/stage-undeclared warns', () => {
    const dir = projectWithApps({ 'shop.ts': staged('shop') });
    expect(loadApps(path.join(dir, 'apps'))[0].findings).toEqual([]);
    const [app] = loadApps(path.join(dir, 'apps'), undefined, 'prdo');
    expect(app.findings).toEqual([
      expect.objectContaining({ code: 'synth/stage-undeclared', severity: 'warning', path: 'shop', message: expect.stringContaining(`built for stage prdo by the stage function of ${rel(dir, 'shop.ts')}, which names no stages`) }),
    ]);
  });

  test('GIVEN the CLI WHEN synth names an unknown stage or an undeclared one THEN it stops with the line, or warns', () => {
    const dir = projectWithApps({ 'shop.ts': staged('shop', `['dev', 'prod']`), 'open.ts': staged('open') });
    const out = path.join(dir, 'out');
    const bad = runLading(['synth', '--stage', 'prdo', '--target', 'compose', '--out', out], dir);
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining(`error --stage prdo: no app knows this stage (the stages apps/shop.ts names: dev, prod).`)]);
    const ok = runLading(['synth', '--stage', 'prod', '--target', 'compose', '--out', out], dir);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('synth/stage-undeclared');
    expect(ok.stderr).toContain('built for stage prod by the stage function of apps/open.ts');
  });
});
