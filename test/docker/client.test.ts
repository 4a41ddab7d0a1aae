import { Image, Job, Service, System } from '../../lib/model';
import { clientVerdict, NO_DAEMON, requireTool } from '../support/docker-validators';
import { renderDocker, runScript } from './docker-test-kit';

describe('the real Docker client as the judge of every command line', () => {
  test('GIVEN a well-formed docker run WHEN the client runs it without a daemon THEN it got past flag parsing and failed to connect', () => {
    const verdict = clientVerdict(['run', '-d', '--name', 'shop-web', '--memory', '512m', '-p', '8080:80/tcp', 'nginx:1.27']);
    expect(verdict.parsed).toBe(true);
    expect(verdict.output).toContain(`Cannot connect to the Docker daemon at ${NO_DAEMON}`);
  });

  test.each([
    ['an unknown flag', ['run', '--no-such-flag', 'nginx:1.27'], 'unknown flag: --no-such-flag'],
    ['a bad size', ['run', '--memory', '12q', 'nginx:1.27'], 'invalid argument "12q" for "-m, --memory" flag'],
    ['a bad port', ['run', '-p', '8080:http/tcp', 'nginx:1.27'], 'invalid containerPort: http'],
    ['--rm with a restart policy', ['run', '--rm', '--restart', 'on-failure:3', 'nginx:1.27'], 'conflicting options: cannot specify both --restart and --rm'],
    ['a bad mount', ['run', '--mount', 'type=tmpfs,target=/x,tmpfs-size=lots', 'nginx:1.27'], 'tmpfs-size'],
    ['an unknown network flag', ['network', 'create', '--internl', 'shop-backend'], 'unknown flag: --internl'],
  ])('GIVEN %s WHEN the client runs it THEN it is caught before any connection', (_what, args, message) => {
    const verdict = clientVerdict(args);
    expect(verdict.parsed).toBe(false);
    expect(verdict.output).toContain(message);
  });

  test('GIVEN a rendered script with one flag broken WHEN it runs THEN the client rejects exactly that command line', () => {
    // GIVEN
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27') });
    new Job(sys, 'seed', { image: Image.of('busybox:1.36'), command: ['true'] });
    const out = renderDocker(sys);
    const broken = { ...out, script: out.script.replace('--network-alias web', '--network-alais web') };
    // WHEN
    const good = runScript(out, [], { checkClient: true });
    const bad = runScript(broken, [], { checkClient: true });
    // THEN
    expect(good.rejected).toEqual([]);
    expect(bad.rejected.map((v) => v.args.slice(0, 4))).toEqual([['run', '-d', '--name', 'shop-web']]);
    expect(bad.rejected[0].output).toContain('unknown flag: --network-alais');
  });

  test.each([
    ['docker', "Install the Docker client (Debian's `apt-get install -y docker.io`; no engine is needed)."],
    ['shellcheck', "Install it with `apt-get install -y shellcheck` (Debian's package)."],
  ] as const)('GIVEN no %s on the PATH WHEN a check needs it THEN it fails with the way to install it, never skips', (tool, hint) => {
    expect(() => requireTool(tool, { PATH: '/nonexistent' })).toThrow(`${tool} is needed to check docker scripts, and it is not usable here`);
    expect(() => requireTool(tool, { PATH: '/nonexistent' })).toThrow(hint);
  });
});
