import { Image, Service, Sidecar, System } from '../../lib/model';
import { renderCompose } from './compose-test-kit';

describe('a process limit on Compose', () => {
  test('GIVEN resources.pids on a service and its sidecar WHEN rendered THEN each service has pids_limit, which the compose-spec schema and docker-compose accept', () => {
    const sys = new System('shop');
    const web = new Service(sys, 'web', { image: Image.of('nginx:1.27'), resources: { pids: 200 } });
    new Sidecar(web, 'log', { image: Image.of('fluent/fluent-bit:3.1.9'), resources: { pids: 50 } });
    const services = renderCompose(sys).doc.services;
    expect([services.web.pids_limit, services['web-log'].pids_limit, services.web.deploy.resources]).toEqual([200, 50, undefined]);
  });
});
