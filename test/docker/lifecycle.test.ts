import { spawnSync } from 'node:child_process';
import * as fc from 'fast-check';
import { Image, Mount, Network, Service, System, Volume } from '../../lib/model';
import { quote } from '../../lib/targets/docker/shell';
import { dockerTarget } from '../../lib/targets/docker';
import { callsOf, renderDocker, runScript } from './docker-test-kit';

function shopWithVolume(): System {
  const sys = new System('shop');
  const data = new Volume(sys, 'data');
  const backend = new Network(sys, 'backend');
  new Service(sys, 'db', { image: Image.of('postgres:16.4'), mounts: [Mount.volume(data, '/data')], networks: [backend] });
  return sys;
}

describe('running a docker script twice, and down', () => {
  test('GIVEN the target WHEN asked for its outputs THEN one script per app, <app>.sh', () => {
    expect(dockerTarget.name).toBe('docker');
    expect(dockerTarget.outputsOf('shop')).toEqual(['shop.sh']);
    expect(renderDocker(shopWithVolume()).script.split('\n').slice(0, 5)).toEqual([
      '#!/bin/sh',
      '# shop, as plain docker commands. Rendered by `lading synth`: change the app, not this file.',
      '#   sh shop.sh [up]               build, create networks and volumes, and (re)start every container',
      '#   sh shop.sh down [--volumes]   remove the containers and networks (and the volumes with --volumes)',
      'set -eu',
    ]);
  });

  test('GIVEN an app WHEN up runs twice THEN each run replaces the app\'s containers by label before starting them and never removes a volume', () => {
    const out = renderDocker(shopWithVolume());
    const first = runScript(out);
    const second = runScript(out, ['up']);
    expect(second.calls).toEqual(first.calls);
    expect(first.calls.map((c) => c.slice(0, 2).join(' '))).toEqual([
      'network inspect',
      'network create',
      'volume create',
      'ps -aq',
      'rm -f',
      'run -d',
    ]);
    expect(callsOf(first, 'ps')).toEqual([['ps', '-aq', '--filter', 'label=lading.app=shop']]);
    expect(callsOf(first, 'rm')).toEqual([['rm', '-f', '-v', '0123456789ab']]);
    expect(first.calls.filter((c) => c[0] === 'volume' && c[1] !== 'create')).toEqual([]);
  });

  test('GIVEN an app WHEN down runs THEN it removes its containers and networks by label and keeps its volumes', () => {
    const run = runScript(renderDocker(shopWithVolume()), ['down'], { checkClient: true });
    expect(run.code).toBe(0);
    expect(run.rejected).toEqual([]);
    expect(run.calls).toEqual([
      ['ps', '-aq', '--filter', 'label=lading.app=shop'],
      ['rm', '-f', '-v', '0123456789ab'],
      ['network', 'ls', '-q', '--filter', 'label=lading.app=shop'],
      ['network', 'rm', '0123456789ab'],
    ]);
  });

  test('GIVEN an app WHEN down --volumes runs THEN it removes its volumes too', () => {
    const run = runScript(renderDocker(shopWithVolume()), ['down', '--volumes'], { checkClient: true });
    expect(run.rejected).toEqual([]);
    expect(run.calls.slice(-2)).toEqual([
      ['volume', 'ls', '-q', '--filter', 'label=lading.app=shop'],
      ['volume', 'rm', '0123456789ab'],
    ]);
  });

  test.each([[['sideways']], [['down', '--force']], [['up', 'now']]])('GIVEN the arguments %j WHEN the script runs THEN it prints its usage, exits 2 and runs no docker command', (args) => {
    const run = runScript(renderDocker(shopWithVolume()), args);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('usage: dist/docker/shop.sh [up | down [--volumes]]\n');
    expect(run.calls).toEqual([]);
  });

  test('GIVEN any string WHEN quoted for the script THEN sh reads back exactly that string', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }).map((s) => s.replace(/\0/g, '')), { minLength: 1, maxLength: 20 }), (words) => {
        const r = spawnSync('sh', ['-c', `printf '%s\\0' ${words.map(quote).join(' ')}`], { encoding: 'utf8' });
        expect(r.status).toBe(0);
        expect(r.stdout.split('\0').slice(0, -1)).toEqual(words);
      }),
      { numRuns: 60 },
    );
  });
});
