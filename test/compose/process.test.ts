import { Image, Service, System } from '../../lib/model';
import { renderCompose, serviceBlock } from './compose-test-kit';

describe('compose process and metadata keys', () => {
  test('GIVEN command, entrypoint, working dir and user WHEN rendered THEN the same keys, lists kept in order', () => {
    const sys = new System('shop');
    new Service(sys, 'web', {
      image: Image.of('python:3.12'),
      entrypoint: ['python', '-m'],
      command: ['http.server', '8000'],
      workingDir: '/srv',
      security: { user: '999:999' },
    });
    const block = serviceBlock(renderCompose(sys), 'web');
    expect(block).toContain('    command:\n      - http.server\n      - "8000"\n');
    expect(block).toContain('    entrypoint:\n      - python\n      - -m\n');
    expect(block).toContain('    user: 999:999\n');
    expect(block).toContain('    working_dir: /srv\n');
  });

  test('GIVEN env WHEN rendered THEN environment as a sorted map', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), env: { ZED: 'z', ALPHA: 'a' } });
    expect(serviceBlock(renderCompose(sys), 'web')).toContain('    environment:\n      ALPHA: a\n      ZED: z\n');
  });

  test('GIVEN labels WHEN rendered THEN labels as a sorted map', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), labels: { tier: 'edge', 'com.example.team': 'web' } });
    expect(serviceBlock(renderCompose(sys), 'web')).toContain('    labels:\n      com.example.team: web\n      tier: edge\n');
  });

  test('GIVEN nothing optional WHEN rendered THEN no command, environment, labels, logging, healthcheck or resources', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27') });
    const out = renderCompose(sys);
    expect(Object.keys(out.doc.services.web).sort()).toEqual(['deploy', 'image', 'networks', 'restart']);
    expect(out.doc.services.web.deploy).toEqual({ replicas: 1, restart_policy: { condition: 'any' } });
  });

  test('GIVEN a privileged container WHEN rendered THEN privileged: true is kept with compose/privileged', () => {
    const sys = new System('shop');
    new Service(sys, 'dind', { image: Image.of('docker:27-dind'), privileged: true });
    const out = renderCompose(sys);
    expect(serviceBlock(out, 'dind')).toContain('    privileged: true\n');
    expect(out.diagnostics).toEqual([
      expect.objectContaining({ code: 'compose/privileged', severity: 'warning', path: 'shop/dind privileged' }),
    ]);
  });
});
