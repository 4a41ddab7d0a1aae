import { workloadsOf } from '../containers';
import type { Rule } from '../rule';

/** Well-known ports of databases and caches, with the software that usually listens on them. */
export const DATABASE_PORTS: Readonly<Record<number, string>> = {
  1433: 'SQL Server',
  1521: 'Oracle',
  3306: 'MySQL',
  5432: 'PostgreSQL',
  5984: 'CouchDB',
  6379: 'Redis',
  7000: 'Cassandra',
  8086: 'InfluxDB',
  9042: 'Cassandra',
  9200: 'Elasticsearch',
  9300: 'Elasticsearch',
  11211: 'Memcached',
  26257: 'CockroachDB',
  27017: 'MongoDB',
  28015: 'RethinkDB',
};

/** A database should be reachable by name from the services that use it, never from outside. */
export const databasePortPublished: Rule = {
  code: 'lint/database-port-published',
  check: (spec, _context, reporter) =>
    workloadsOf(spec).flatMap((w) =>
      w.main.ports.flatMap((p, i) => {
        const software = DATABASE_PORTS[p.containerPort];
        if (p.publish === 'none' || p.loopback || software === undefined) return []; // loopback: the host alone reaches it
        const where = p.publish === 'fixed' ? `host port ${p.hostPort}` : 'a host port';
        return [
          reporter.make(
            'lint/database-port-published',
            `${w.path} ports[${i}]`,
            `port ${p.containerPort} (${software}) is published on ${where}: anyone who reaches the host reaches the database`,
            `Drop .publish(): services on a shared network reach it as ${w.name}:${p.containerPort}; or bind it to the host's loopback (${p.hostPort === undefined ? "publish with { hostIp: '127.0.0.1' }" : `publish(${p.hostPort}, { hostIp: '127.0.0.1' })`}).`,
          ),
        ];
      }),
    ),
};
