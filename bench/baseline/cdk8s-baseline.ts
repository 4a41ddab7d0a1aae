/**
 * The hand-written cdk8s-plus-27 program: reads a system description (JSON) and builds the same objects lading's
 * Kubernetes target does (Deployment + Service per service, Job/CronJob, PersistentVolumeClaim per volume,
 * NetworkPolicy per network) directly, then writes the manifest. Usage: baseline <spec.json> <out.yaml>
 */
import * as fs from 'fs';
import { ApiObject, App, Chart, Cron, Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import type { ContainerSpec, SystemSpec, WorkloadSpec } from '../../lib/model/spec';

const [input, output] = process.argv.slice(2);
const spec = JSON.parse(fs.readFileSync(input, 'utf8')) as SystemSpec;
const app = new App({ outdir: '.' });
const chart = new Chart(app, spec.name, { disableResourceNameHashes: true, labels: { 'app.kubernetes.io/part-of': spec.name } });

const claims = new Map(spec.volumes.map((v) => [v.name, new kplus.PersistentVolumeClaim(chart, `pvc-${v.name}`, {
  metadata: { name: v.name },
  accessModes: [v.users.length > 1 ? kplus.PersistentVolumeAccessMode.READ_WRITE_MANY : kplus.PersistentVolumeAccessMode.READ_WRITE_ONCE],
  storage: Size.gibibytes(v.sizeBytes / 2 ** 30),
})]));
const secrets = new Map(spec.secrets.map((s) => [s.name, kplus.Secret.fromSecretName(chart, `secret-${s.name}`, s.existingName?.kubernetes ?? s.name)]));

function probe(c: ContainerSpec): kplus.Probe | undefined {
  const h = c.health;
  if (!h) return undefined;
  const timing = { periodSeconds: Duration.seconds(h.intervalSeconds), timeoutSeconds: Duration.seconds(h.timeoutSeconds), failureThreshold: h.retries };
  if (h.kind === 'command') return kplus.Probe.fromCommand([...h.command], timing);
  if (h.kind === 'http') return kplus.Probe.fromHttpGet(h.path, { ...timing, port: h.port });
  return kplus.Probe.fromTcpSocket({ ...timing, port: h.port });
}

function container(c: ContainerSpec, w: WorkloadSpec): kplus.ContainerProps {
  const env: Record<string, kplus.EnvValue> = {};
  for (const [k, v] of Object.entries(c.env)) env[k] = kplus.EnvValue.fromValue(v);
  for (const s of c.secretEnv) env[s.name] = kplus.EnvValue.fromSecretValue({ secret: secrets.get(s.secret)!, key: 'value' });
  const r = c.resources;
  return {
    name: c.name,
    image: c.image.ref,
    args: c.command ? [...c.command] : undefined,
    envVariables: env,
    ports: c.ports.map((p) => ({ number: p.containerPort, name: p.name, protocol: p.protocol === 'udp' ? kplus.Protocol.UDP : kplus.Protocol.TCP })),
    readiness: probe(c),
    liveness: probe(c),
    resources: {
      cpu: r.cpuMillis !== undefined ? { limit: kplus.Cpu.millis(r.cpuMillis), request: kplus.Cpu.millis(Math.round(((r.cpuShares ?? 0) * 1000) / 1024)) } : undefined,
      memory: r.memoryBytes !== undefined ? { limit: Size.mebibytes(r.memoryBytes / 2 ** 20), request: r.memoryReservationBytes !== undefined ? Size.mebibytes(r.memoryReservationBytes / 2 ** 20) : undefined } : undefined,
    },
    securityContext: { ensureNonRoot: false, readOnlyRootFilesystem: false, allowPrivilegeEscalation: false },
    volumeMounts: c.mounts.filter((m) => m.kind === 'volume').map((m) => ({
      path: m.target,
      volume: kplus.Volume.fromPersistentVolumeClaim(chart, `vol-${w.name}-${c.name}-${m.kind === 'volume' ? m.volume : ''}`, claims.get(m.kind === 'volume' ? m.volume : '')!),
    })),
  };
}

function podLabels(w: WorkloadSpec): Record<string, string> {
  const labels: Record<string, string> = { 'app.kubernetes.io/name': w.name, ...w.main.labels };
  for (const n of w.networks) labels[`networks.lading.io/${n}`] = 'true';
  return labels;
}

const podProps = (w: WorkloadSpec) => ({
  automountServiceAccountToken: false,
  securityContext: { ensureNonRoot: false },
  podMetadata: { labels: podLabels(w) },
  containers: [container(w.main, w), ...w.sidecars.map((s) => container(s, w))],
});

for (const s of spec.services) {
  const d = new kplus.Deployment(chart, `workload-${s.name}`, { metadata: { name: s.name, labels: s.main.labels }, replicas: s.replicas, select: false, ...podProps(s) });
  d.select(kplus.LabelSelector.of({ labels: { 'app.kubernetes.io/name': s.name } }));
  if (s.main.ports.length > 0) {
    new kplus.Service(chart, `service-${s.name}`, {
      metadata: { name: s.name },
      selector: d,
      ports: s.main.ports.map((p) => ({ name: p.name, port: p.containerPort, targetPort: p.containerPort, protocol: p.protocol === 'udp' ? kplus.Protocol.UDP : kplus.Protocol.TCP })),
    });
  }
  const published = s.main.ports.filter((p) => p.publish !== 'none');
  if (published.length > 0) {
    new kplus.Service(chart, `published-${s.name}`, {
      metadata: { name: `${s.name}-published` },
      type: kplus.ServiceType.LOAD_BALANCER,
      selector: d,
      ports: published.map((p) => ({ name: p.name, port: p.hostPort ?? p.containerPort, targetPort: p.containerPort })),
    });
  }
}
for (const j of spec.jobs) {
  const props = { metadata: { name: j.name }, restartPolicy: kplus.RestartPolicy.NEVER, backoffLimit: 0, ...podProps(j) };
  if (j.schedule) {
    const [minute, hour, day, month, weekDay] = j.schedule.split(' ');
    new kplus.CronJob(chart, `workload-${j.name}`, { ...props, schedule: Cron.schedule({ minute, hour, day, month, weekDay }) });
  } else {
    new kplus.Job(chart, `workload-${j.name}`, props);
  }
}
for (const n of spec.networks) {
  const members = { matchLabels: { [`networks.lading.io/${n.name}`]: 'true' } };
  new ApiObject(chart, `network-${n.name}`, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: `network-${n.name}` },
    spec: {
      podSelector: members,
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: members }] }],
      egress: n.internal ? [{ to: [{ podSelector: members }] }, { ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }] : [{}],
    },
  });
}
fs.writeFileSync(output, app.synthYaml());
