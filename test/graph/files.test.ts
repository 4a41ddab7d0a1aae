import { buildSystemGraph } from '../../lib/graph/system-graph';
import { filesApp } from '../support/files-app';

describe('graph: config files and secret files', () => {
  test('GIVEN an app with config and secret files WHEN drawn THEN each is a storage node like a volume, joined to its workload by the paths', () => {
    const graph = buildSystemGraph(filesApp().toSpec());
    expect(graph.loose.filter((n) => n.kind === 'volume').map((n) => [n.id, n.title, (n as { lines: readonly string[] }).lines])).toEqual([
      ['c_logo', 'config file logo', ['test/fixtures/files/logo.bin']],
      ['c_nginx-conf', 'config file nginx-conf', ['test/fixtures/files/nginx.conf']],
      ['c_pipeline', 'config file pipeline', ['test/fixtures/files/pipeline']],
      ['s_db-password', 'secret db-password', ['file']],
    ]);
    expect(graph.edges.filter((e) => e.kind === 'mount')).toEqual([
      { kind: 'mount', from: 'w_web', to: 'c_logo', label: '/usr/share/web/logo.bin (ro)' },
      { kind: 'mount', from: 'w_web', to: 'c_nginx-conf', label: '/etc/nginx/nginx.conf (ro)' },
      { kind: 'mount', from: 'w_web', to: 'c_pipeline', label: '/etc/logstash/pipeline (ro)' },
      { kind: 'mount', from: 'w_web', to: 's_db-password', label: '/run/secrets/db-password (ro)' },
    ]);
  });
});
