import * as path from 'path';
import { formatDiagnostic } from '../../lib/diagnostics/pipeline';
import { loadExamples } from '../support/examples';
import { kubernetesTarget } from '../../lib/targets/kubernetes';
import { validateManifest } from '../support/kubernetes-validators';

const ROOT = path.join(__dirname, '..', '..');
const apps = loadExamples();

describe('Kubernetes: the example apps', () => {
  test('there are examples to check', () => {
    expect(apps.map((a) => a.name)).toEqual(expect.arrayContaining(['cats-and-dogs', 'echo-server', 'hello', 'registry', 'shared-data', 'webapp', 'devbox']));
  });

  describe.each(apps.map((a) => [a.name, a] as const))('%s', (name, app) => {
    test('renders one multi-document file without errors; the manifest and diagnostics match the snapshot', async () => {
      // WHEN the example is rendered
      const result = await kubernetesTarget.render(app.spec, { projectRoot: ROOT, projectRootFromTargetDir: '../..' });
      // THEN one file, named for outputsOf, and no error
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(result.files.map((f) => f.path)).toEqual(kubernetesTarget.outputsOf(name));
      expect(result.files[0].content).toMatchSnapshot('manifest');
      expect(result.diagnostics.map(formatDiagnostic)).toMatchSnapshot('diagnostics');
    });

    test('every object passes the Kubernetes 1.27 schema, unknown-field and name checks', async () => {
      const result = await kubernetesTarget.render(app.spec, { projectRoot: ROOT, projectRootFromTargetDir: '../..' });
      expect(validateManifest(result.files[0].content)).toEqual([]);
    });

    test('rendering twice gives the same bytes', async () => {
      const a = await kubernetesTarget.render(app.spec, { projectRoot: ROOT, projectRootFromTargetDir: '../..' });
      const b = await kubernetesTarget.render(app.spec, { projectRoot: ROOT, projectRootFromTargetDir: '../..' });
      expect(a).toEqual(b);
    });
  });
});
