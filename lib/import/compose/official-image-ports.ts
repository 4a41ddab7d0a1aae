import type { ExposedPort } from './port-hints';

/** The EXPOSE of an image built on PHP's, by variant: 80 for Apache (the default tags), 9000 for FPM, none for the CLI. */
function phpVariant(tag: string): string[] {
  if (/(^|-)fpm(-|$)/.test(tag)) return ['9000'];
  if (/(^|-)cli(-|$)/.test(tag)) return [];
  return ['80'];
}

/**
 * The ports that the Dockerfiles of Docker Official Images EXPOSE (docker-library and the images' own library
 * repositories), by repository; a function where a tag's variant EXPOSEs other ports. Images whose EXPOSE differs
 * between current tags in a way a tag does not tell, and images that EXPOSE none (haproxy, node), are not listed.
 */
const OFFICIAL_PORTS: Readonly<Record<string, readonly string[] | ((tag: string) => string[])>> = {
  adminer: ['8080'],
  caddy: ['80', '443', '443/udp', '2019'],
  cassandra: ['7000', '7001', '7199', '9042', '9160'],
  consul: ['8300', '8301', '8301/udp', '8302', '8302/udp', '8500', '8600', '8600/udp'],
  couchdb: ['4369', '5984', '9100'],
  drupal: phpVariant,
  'eclipse-mosquitto': ['1883'],
  elasticsearch: ['9200', '9300'],
  ghost: ['2368'],
  httpd: ['80'],
  influxdb: ['8086'],
  joomla: phpVariant,
  kibana: ['5601'],
  logstash: ['5044', '9600'],
  mariadb: ['3306'],
  memcached: ['11211'],
  mongo: ['27017'],
  'mongo-express': ['8081'],
  // the 5.5 and 5.6 images predate the X Protocol port
  mysql: (tag) => (/^5\.[56](\.|-|$)/.test(tag) ? ['3306'] : ['3306', '33060']),
  nats: ['4222', '6222', '8222'],
  neo4j: ['7473', '7474', '7687'],
  nextcloud: phpVariant,
  nginx: ['80'],
  phpmyadmin: phpVariant,
  postgres: ['5432'],
  rabbitmq: (tag) => ['4369', '5671', '5672', '15691', '15692', '25672', ...(/(^|-)management(-|$)/.test(tag) ? ['15671', '15672'] : [])],
  redis: ['6379'],
  redmine: ['3000'],
  registry: ['5000'],
  solr: ['8983'],
  sonarqube: ['9000'],
  tomcat: ['8080'],
  traefik: ['80'],
  vault: ['8200'],
  wordpress: phpVariant,
  zookeeper: ['2181', '2888', '3888', '8080'],
};

/** The hosts of Docker Hub's registry, which a reference may name before an official image's `library/`. */
const DOCKER_HUB = /^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//;

/**
 * The repository of a Docker Official Image and its tag, from an image reference as Compose writes it (`mysql`,
 * `library/mysql:8`, `docker.io/library/mysql@sha256:...`); undefined for any other image (`bitnami/mysql`,
 * `ghcr.io/x/mysql`).
 */
export function officialImage(ref: string): { readonly repository: string; readonly tag: string } | undefined {
  const withoutDigest = ref.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  const name = colon < 0 ? withoutDigest : withoutDigest.slice(0, colon);
  const tag = colon < 0 ? 'latest' : withoutDigest.slice(colon + 1);
  const repository = name.replace(DOCKER_HUB, '').replace(/^library\//, '');
  if (!/^[a-z0-9]+(?:[._-][a-z0-9]+)*$/.test(repository)) return undefined;
  return { repository, tag };
}

/** The ports the Docker Official Image `ref` names EXPOSEs, or undefined when the image is not one of the table's. */
export function officialImagePorts(ref: string): readonly ExposedPort[] | undefined {
  const image = officialImage(ref);
  const entry = image && Object.hasOwn(OFFICIAL_PORTS, image.repository) ? OFFICIAL_PORTS[image.repository] : undefined;
  if (!image || !entry) return undefined;
  return (typeof entry === 'function' ? entry(image.tag) : entry).map((word) => {
    const [port, protocol] = word.split('/');
    return { port: Number(port), protocol: protocol === 'udp' ? 'udp' : 'tcp' };
  });
}
