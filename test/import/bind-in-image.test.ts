import { writeApp } from '../../lib/import/typescript';
import { render } from '../kubernetes/render';
import { importProject } from './support/import-project';


const COMPOSE = [
  'services:',
  '  backend:',
  '    build:',
  '      context: backend',
  '      target: development',
  '    volumes:',
  '      - ./backend/src:/code/src',
  '      - ./data:/code/data',
  '',
].join('\n');

const SOURCES = { 'backend/src/index.js': 'x', 'backend/package.json': '{}', 'data/x': 'x' };
const DOCKERFILE = 'FROM node:20 AS development\nWORKDIR /code\nCOPY package.json .\nCOPY . .\nFROM development AS prod\nRUN rm -rf /code/src\n';

const bindsOf = (imported: ReturnType<typeof importProject>) => imported.plan.workloads[0].container.mounts.filter((m) => m.kind === 'bind');

describe('importing binds of the source the built image carries', () => {
  test('GIVEN ./backend/src bound where the build target COPYs its context WHEN imported THEN inImage, written in the TypeScript, and Kubernetes says bind-in-image', () => {
    const imported = importProject(COMPOSE, { ...SOURCES, 'backend/Dockerfile': DOCKERFILE, 'backend/.dockerignore': '# deps\nnode_modules\n' });
    expect(bindsOf(imported)).toEqual([
      { kind: 'bind', source: './backend/src', target: '/code/src', readOnly: false, inImage: true },
      { kind: 'bind', source: './data', target: '/code/data', readOnly: false },
    ]);
    expect(writeApp(imported.plan)).toContain("Mount.bind('./backend/src', '/code/src', { inImage: true })");
    expect(writeApp(imported.plan)).toContain("Mount.bind('./data', '/code/data')");
    const r = render(imported.system!);
    expect(r.diagnostics.filter((d) => d.code.includes('bind')).map((d) => [d.code, d.path])).toEqual([
      ['kubernetes/bind-in-image', 'shop/backend mounts[0]'],
      ['kubernetes/relative-bind', 'shop/backend mounts[1]'],
    ]);
  });

  test('GIVEN no build target and a last stage built FROM the copying one WHEN imported THEN marked; GIVEN a COPY to another folder, a .dockerignore the importer cannot read, or one that leaves out part of the source THEN unmarked', () => {
    const lastStage = importProject(COMPOSE.replace('      target: development\n', ''), { ...SOURCES, 'backend/Dockerfile': DOCKERFILE.replace('RUN rm -rf /code/src\n', 'COPY --from=development /code /app\n') });
    expect(bindsOf(lastStage)[0]).toEqual({ kind: 'bind', source: './backend/src', target: '/code/src', readOnly: false, inImage: true });
    const otherTarget = importProject(COMPOSE, { ...SOURCES, 'backend/Dockerfile': 'FROM node:20 AS development\nWORKDIR /app\nCOPY . .\n' });
    expect(bindsOf(otherTarget)[0]).not.toHaveProperty('inImage');
    const exceptions = importProject(COMPOSE, { ...SOURCES, 'backend/Dockerfile': DOCKERFILE, 'backend/.dockerignore': '*\n!src\n' });
    expect(bindsOf(exceptions)[0]).not.toHaveProperty('inImage');
    const partial = importProject(COMPOSE, { ...SOURCES, 'backend/Dockerfile': DOCKERFILE, 'backend/.dockerignore': 'src/*.test.js\n' });
    expect(bindsOf(partial)[0]).not.toHaveProperty('inImage');
  });

  test('GIVEN a bind outside the build context, or a service whose image is pulled WHEN imported THEN the bind stays unmarked', () => {
    const outside = importProject(COMPOSE.replace('./backend/src:/code/src', './shared:/code/src'), { ...SOURCES, 'shared/a': 'a', 'backend/Dockerfile': DOCKERFILE });
    expect(bindsOf(outside)[0]).not.toHaveProperty('inImage');
    const pulled = importProject('services:\n  backend:\n    image: node:20\n    volumes:\n      - ./backend/src:/code/src\n', SOURCES);
    // a pulled image carries none of the project: the folder becomes a config file, never a bind marked inImage
    expect(pulled.plan.workloads[0].container.mounts).toEqual([{ kind: 'config', configFile: 'src', target: '/code/src', readOnly: true }]);
  });

  test('GIVEN every bind of a service marked inImage WHEN imported THEN ECS needs no EC2 launch type for it', () => {
    const imported = importProject(COMPOSE.replace('      - ./data:/code/data\n', ''), { ...SOURCES, 'backend/Dockerfile': DOCKERFILE });
    expect(imported.plan.ecsLaunchType).toBeUndefined();
    expect(importProject(COMPOSE, { ...SOURCES, 'backend/Dockerfile': DOCKERFILE }).plan.ecsLaunchType).toBe('ec2');
  });
});
