import * as path from 'node:path';
import {
  composeSchemaErrors,
  dockerComposeErrors,
  expectValidCompose,
  requireDockerCompose,
  requiredVariables,
  withoutTopLevelName,
} from '../support/compose-validators';
import { PROJECT_ROOT } from './compose-test-kit';

const DIR = path.join(PROJECT_ROOT, 'dist', 'compose', 'probe');

const GOOD = `name: probe
services:
  web:
    environment:
      PASSWORD: \${DB_PASSWORD:?set DB_PASSWORD}
    image: nginx:1.27
    restart: "no"
`;

describe('compose validators', () => {
  test('GIVEN a valid file with a top-level name and a required variable WHEN both validators check it THEN both accept it', () => {
    expect(composeSchemaErrors(GOOD)).toEqual([]);
    expect(dockerComposeErrors(GOOD, DIR)).toEqual([]);
    expect(() => expectValidCompose(GOOD, DIR)).not.toThrow();
  });

  test('GIVEN a service with an unknown key WHEN the compose-spec schema checks it THEN it reports the key', () => {
    const broken = 'services:\n  web:\n    image: nginx:1.27\n    bogus: 1\n';
    expect(composeSchemaErrors(broken).join('\n')).toMatch(/\/services\/web must NOT have additional properties .*bogus/);
  });

  test('GIVEN restart written as a bare no (false in YAML 1.1) WHEN docker-compose checks it THEN it rejects the type', () => {
    const broken = 'services:\n  web:\n    image: nginx:1.27\n    restart: no\n';
    expect(dockerComposeErrors(broken, DIR).join('\n')).toContain('services.web.restart contains an invalid type, it should be a string');
  });

  test('GIVEN a build context that does not exist under the project root WHEN docker-compose checks it THEN it names the resolved path', () => {
    const broken = 'services:\n  web:\n    build:\n      context: ../../../no-such-dir\n    image: shop/web:dev\n';
    expect(composeSchemaErrors(broken)).toEqual([]);
    expect(dockerComposeErrors(broken, DIR).join('\n')).toContain(`build path ${path.join(PROJECT_ROOT, 'no-such-dir')} either does not exist`);
  });

  test('GIVEN a broken file WHEN expectValidCompose checks it THEN it throws with the complaints of both tools', () => {
    const broken = 'services:\n  web:\n    image: nginx:1.27\n    bogus: 1\n';
    expect(() => expectValidCompose(broken, DIR)).toThrow(/compose-spec schema:[\s\S]*docker-compose config:[\s\S]*Unsupported config option for services.web: 'bogus'/);
  });

  test('GIVEN no docker-compose on the PATH WHEN a check needs it THEN it fails naming the apt-get command', () => {
    expect(() => requireDockerCompose({ PATH: '/nonexistent' })).toThrow('apt-get install -y docker-compose');
  });

  test('GIVEN a file WHEN it is prepared for docker-compose 1.29.2 THEN only the top-level name is removed and required variables are found', () => {
    expect(withoutTopLevelName(GOOD)).toBe(GOOD.replace('name: probe\n', ''));
    expect(requiredVariables(`${GOOD}    command: echo $\${HOME}\n`)).toEqual(['DB_PASSWORD']);
  });
});
