import type { ExposedPort } from './port-hints';

/**
 * Images common in application stacks that are no Docker Official Images, with the ports their Dockerfiles EXPOSE
 * (an image built FROM an official one inherits its EXPOSE: pgvector, PostGIS and TimescaleDB are postgres; the
 * Bitnami images EXPOSE their server's default port).
 */
const KNOWN_PORTS: Readonly<Record<string, readonly number[]>> = {
  'axllent/mailpit': [1025, 1110, 8025],
  'bitnami/kafka': [9092],
  'bitnami/mariadb': [3306],
  'bitnami/mongodb': [27017],
  'bitnami/postgresql': [5432],
  'bitnami/rabbitmq': [4369, 5551, 5552, 5671, 5672, 15671, 15672, 25672],
  'bitnami/redis': [6379],
  'bitnami/redis-cluster': [6379],
  'clickhouse/clickhouse-server': [8123, 9000, 9009],
  'confluentinc/cp-kafka': [9092],
  'confluentinc/cp-zookeeper': [2181, 2888, 3888],
  'docker.elastic.co/elasticsearch/elasticsearch': [9200, 9300],
  'docker.elastic.co/kibana/kibana': [5601],
  'getmeili/meilisearch': [7700],
  'mailhog/mailhog': [1025, 8025],
  'minio/minio': [9000],
  'pgvector/pgvector': [5432],
  'postgis/postgis': [5432],
  'timescale/timescaledb': [5432],
  'valkey/valkey': [6379],
};

/** The repository of a reference as Compose may write it: tag and digest off, Docker Hub's host off. */
function repositoryOf(ref: string): string {
  const withoutDigest = ref.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  const name = colon < 0 ? withoutDigest : withoutDigest.slice(0, colon);
  return name.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '');
}

/** The ports the common image `ref` names EXPOSEs, or undefined when it is not one of the table's. */
export function knownImagePorts(ref: string): readonly ExposedPort[] | undefined {
  const repository = repositoryOf(ref);
  const ports = Object.hasOwn(KNOWN_PORTS, repository) ? KNOWN_PORTS[repository] : undefined;
  return ports?.map((port) => ({ port, protocol: 'tcp' as const }));
}
