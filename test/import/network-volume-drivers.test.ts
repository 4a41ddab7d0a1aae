import { findings, importText } from './support/import-kit';

const WEB = 'services:\n  web:\n    image: nginx:1.27\n    restart: always\n';

function networkFindings(network: string): { findings: string[]; messages: string[] } {
  const imported = importText(`${WEB}    networks: [back]\nnetworks:\n  back:\n${network}`);
  return { findings: findings(imported), messages: imported.diagnostics.map((d) => `${d.message} ${d.fix ?? ''}`.trim()) };
}

function volumeImport(volume: string) {
  return importText(`${WEB}    volumes: ["media:/srv/media:ro"]\nvolumes:\n  media:\n${volume}`);
}

describe('network drivers and options: what the running system does differently, and the fix', () => {
  test.each([
    [
      'driver macvlan',
      '    driver: macvlan\n',
      'import/network-driver networks.back.driver',
      "driver macvlan: containers on back get addresses on the host's LAN in Compose, reachable by every machine there; on every target back is private to the system, so the LAN reaches them only through published ports. Publish each port the LAN must reach: ports: [\"HOST:CONTAINER\"].",
    ],
    [
      'a network plugin',
      '    driver: weave\n',
      'import/network-driver networks.back.driver',
      'driver weave: back uses the network plugin weave in Compose; every target connects its containers with its own network instead (a bridge on Compose, the pod network on Kubernetes, the VPC on ECS), without what weave adds. Set driver: weave on the network in the rendered Compose or stack file, if the hosts have the plugin.',
    ],
    [
      'masquerading off',
      '    driver_opts:\n      com.docker.network.bridge.enable_ip_masquerade: "false"\n',
      'import/network-driver networks.back.driver_opts.com.docker.network.bridge.enable_ip_masquerade',
      'com.docker.network.bridge.enable_ip_masquerade "false": containers on back reach nothing outside the host in Compose (no masquerading); on every target they reach the internet. Make the network internal: true, which every target honours.',
    ],
    [
      'an MTU',
      '    driver_opts:\n      com.docker.network.driver.mtu: 1450\n',
      'import/network-driver networks.back.driver_opts.com.docker.network.driver.mtu',
      'com.docker.network.driver.mtu "1450" is an option of the bridge driver: every target builds back with its own settings, so it is left out; who reaches whom does not change. Set it on the network in the rendered Compose or stack file, if the hosts need it.',
    ],
    [
      'attachable',
      '    driver: overlay\n    attachable: true\n',
      'import/network-option networks.back.attachable',
      "containers started outside the system (docker run --network back) can join back in Compose; on every target the network is the system's own, and they cannot. Make each such container a service of the system.",
    ],
  ])('GIVEN %s WHEN imported THEN one finding says what changes and the fix', (_, network, finding, message) => {
    const r = networkFindings(network);
    expect(r.findings).toEqual([finding]);
    expect(r.messages).toEqual([message]);
  });

  test('GIVEN internal: true, enable_icc true, attachable false and the overlay driver WHEN imported THEN the network is internal and nothing is reported', () => {
    const imported = importText(`${WEB}    networks: [back]\nnetworks:\n  back:\n    driver: overlay\n    internal: true\n    attachable: false\n    driver_opts:\n      com.docker.network.bridge.enable_icc: "true"\n`);
    expect(findings(imported)).toEqual([]);
    expect(imported.system!.toSpec().networks.find((n) => n.name === 'back')?.internal).toBe(true);
  });
});

describe('volume drivers and options', () => {
  test('GIVEN a local volume that binds a host path WHEN imported THEN each service binds that path, read-only where mounted so, and no volume is created', () => {
    const imported = volumeImport('    driver: local\n    driver_opts:\n      type: none\n      o: bind\n      device: /srv/shop/media\n');
    const spec = imported.system!.toSpec();
    expect(spec.services[0].main.mounts).toEqual([expect.objectContaining({ kind: 'bind', source: '/srv/shop/media', target: '/srv/media', readOnly: true })]);
    expect(spec.volumes).toEqual([]);
    expect(findings(imported)).toEqual(['import/ecs-ec2 services.web', 'import/bind-volume volumes.media.driver_opts']);
  });

  test.each([
    [
      'an NFS export',
      '    driver_opts:\n      type: nfs4\n      o: "addr=nas.local,nolock,soft,rw"\n      device: ":/volume1/media"\n',
      'media mounts the NFS export nas.local:/volume1/media in Compose; every target creates an empty volume of its own instead (a local volume, a PersistentVolumeClaim, EFS), so the services do not see the files there, and what they write does not reach it. Mount the export on the hosts and bind that folder (Mount.bind), or on Kubernetes bind a PersistentVolume of type nfs to the claim of media.',
    ],
    [
      'a CIFS share',
      '    driver_opts:\n      type: cifs\n      o: "username=u,password=p"\n      device: "//nas/media"\n',
      'media mounts the CIFS share //nas/media in Compose; every target creates an empty volume of its own instead (a local volume, a PersistentVolumeClaim, EFS), so the services do not see the files there, and what they write does not reach it. Mount it on the hosts and bind that folder (Mount.bind).',
    ],
    [
      'a tmpfs',
      '    driver_opts:\n      type: tmpfs\n      device: tmpfs\n      o: size=100m\n',
      'type tmpfs: media is kept in memory in Compose and emptied when the host restarts; every target makes it a persistent volume on disk instead. Mount a tmpfs in each service that uses it instead: tmpfs: ["/path"].',
    ],
    [
      'a volume plugin',
      '    driver: rexray/ebs\n',
      'driver rexray/ebs: the data of media lives where the plugin rexray/ebs keeps it in Compose; every target creates an empty volume of its own instead (a local volume, a PersistentVolumeClaim, EFS), which does not hold that data. Copy the data into the new volume after the first deploy, or set driver: rexray/ebs on the volume in the rendered Compose or stack file.',
    ],
  ])('GIVEN %s WHEN imported THEN import/volume-driver says the data there is not seen, and the fix', (_, volume, message) => {
    const imported = volumeImport(volume);
    const d = imported.diagnostics.filter((x) => x.code === 'import/volume-driver');
    expect(d.map((x) => `${x.message} ${x.fix}`)).toEqual([message]);
    expect(imported.system!.toSpec().volumes.map((v) => v.name)).toEqual(['media']);
  });
});
