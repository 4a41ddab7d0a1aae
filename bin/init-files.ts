/**
 * The files of a new lading project (`lading init`): package.json, tsconfig.json, jest.config.js, cdk.json,
 * cdk8s.yaml, .gitignore, README.md, one app in apps/ and its test in test/.
 */

/** What the files depend on. */
export interface ProjectInit {
  /** The npm package name of the project. */
  readonly name: string;
  /** The dependency written for lading: `^0.1.0`, or the same `file:` tarball the running lading came from. */
  readonly lading: string;
  /** The versions of the development tools, as lading's own package.json pins them. */
  readonly devDependencies: Readonly<Record<string, string>>;
}

/** The tools a project needs to type-check and test its apps. */
export const PROJECT_DEV_TOOLS = ['@swc/core', '@swc/jest', '@types/jest', '@types/node', 'jest', 'typescript'] as const;

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

const APP = `import { Image, Port, Service, System } from 'lading';

/** A web server published on port 8080: \`docker run -d -p 8080:80 --memory 128m --cpus 0.25 nginx:1.27\`. */
const app = new System('web');

new Service(app, 'web', {
  image: Image.of('nginx:1.27'),
  ports: [Port.tcp(80).publish(8080)],
  resources: { memory: '128m', cpus: 0.25 },
  logging: { maxSize: '10m', maxFiles: 3 },
});

export default app;
`;

const TEST = `import { Testing } from 'lading/testing';
import app from '../apps/web';

describe('the web app', () => {
  test('GIVEN the app WHEN rendered on every target THEN nothing is reported as an error or a warning', async () => {
    for (const target of ['compose', 'kubernetes', 'ecs'] as const) {
      const { diagnostics } = await Testing.synth(app, target);
      expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    }
  });

  test('GIVEN the app WHEN rendered for Kubernetes THEN the objects match the snapshot', async () => {
    expect(await Testing.kubernetesObjects(app)).toMatchSnapshot();
  });

  test('GIVEN the app WHEN rendered for ECS THEN one Fargate task runs nginx with 128 MiB', async () => {
    const template = await Testing.ecsTemplate(app);
    template.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 1, LaunchType: 'FARGATE' });
    template.hasResourceProperties('AWS::ECS::TaskDefinition', { ContainerDefinitions: [{ Image: 'nginx:1.27', Memory: 128 }] });
  });

  test('GIVEN the app WHEN rendered for Compose THEN port 8080 is published', async () => {
    const compose = (await Testing.composeDocument(app)) as { services: Record<string, { ports?: unknown[] }> };
    expect(compose.services.web.ports).toEqual(['8080:80/tcp']);
  });
});
`;

const README = (name: string) => `# ${name}

Containerized services described once with [lading](https://www.npmjs.com/package/lading), rendered to Compose,
Kubernetes and ECS/Fargate. Each module in \`apps/\` exports one \`System\`.

\`\`\`sh
npm install
npm run synth   # writes dist/compose/<app>/compose.yaml, dist/kubernetes/<app>.k8s.yaml, dist/ecs/<app>/
npm test        # the tests in test/, with Testing from lading/testing
\`\`\`

The CDK and cdk8s command-line tools run the same apps through lading's entries: \`npx -p aws-cdk cdk deploy\`
reads cdk.json, \`npx -p cdk8s-cli cdk8s synth\` reads cdk8s.yaml.
`;

/** Every file of the project, by path relative to its folder. */
export function projectFiles(init: ProjectInit): Record<string, string> {
  const devDependencies = Object.fromEntries(PROJECT_DEV_TOOLS.map((tool) => [tool, init.devDependencies[tool]]));
  return {
    '.gitignore': 'node_modules/\ndist/\ncdk.out/\ncoverage/\n',
    'README.md': README(init.name),
    'apps/web.ts': APP,
    'cdk.json': json({ app: 'npx lading-ecs-app', output: 'cdk.out' }),
    'cdk8s.yaml': '# `npx cdk8s synth` writes dist/kubernetes/<app>.k8s.yaml, as `lading synth --target kubernetes` does.\nlanguage: typescript\napp: npx lading-kubernetes-app\noutput: dist/kubernetes\n',
    'jest.config.js': `/** @type {import('jest').Config} */\nmodule.exports = {\n  testEnvironment: 'node',\n  roots: ['<rootDir>/test'],\n  testMatch: ['**/*.test.ts'],\n  transform: { '^.+\\\\.ts$': ['@swc/jest'] },\n  testTimeout: 120000,\n};\n`,
    'package.json': json({
      name: init.name,
      version: '0.1.0',
      private: true,
      scripts: { synth: 'lading synth', test: 'jest', typecheck: 'tsc --noEmit' },
      dependencies: { lading: init.lading },
      devDependencies,
    }),
    'test/web.test.ts': TEST,
    'tsconfig.json': json({
      compilerOptions: {
        target: 'ES2022',
        module: 'node16',
        moduleResolution: 'node16',
        lib: ['ES2022'],
        strict: true,
        esModuleInterop: true,
        skipLibCheck: true,
        noEmit: true,
        types: ['node', 'jest'],
      },
      include: ['apps/**/*.ts', 'test/**/*.ts'],
    }),
  };
}
