import { Image, Service, System } from '../../lib/model';
import { renderCompose, serviceBlock } from './compose-test-kit';

describe('compose logging', () => {
  test('GIVEN log limits WHEN rendered THEN the json-file driver with max-size and max-file as strings', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27'), logging: { maxSize: '10m', maxFiles: 3 } });
    expect(serviceBlock(renderCompose(sys), 'web')).toContain('    logging:\n      driver: json-file\n      options:\n        max-file: "3"\n        max-size: 10m\n');
  });

  test('GIVEN no log limits WHEN rendered THEN no logging key (Docker\'s default)', () => {
    const sys = new System('shop');
    new Service(sys, 'web', { image: Image.of('nginx:1.27') });
    expect(renderCompose(sys).doc.services.web.logging).toBeUndefined();
  });
});
