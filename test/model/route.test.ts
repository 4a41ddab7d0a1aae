import { Image, Port, Service, System } from '../../lib/model';

const web = (port: Port, name = 'shop') => {
  const sys = new System(name);
  new Service(sys, 'web', { image: Image.of('nginx:1.27'), ports: [port] });
  return sys;
};

describe('Port.http(n).route(url)', () => {
  test('GIVEN routes WHEN specified THEN scheme, host and path prefix are kept, a trailing slash dropped, the whole host as /', () => {
    const port = web(Port.http(80).route('https://shop.example.com/api/').route('http://www.example.com')).toSpec().services[0].main.ports[0];
    expect(port.routes).toEqual([
      { scheme: 'https', host: 'shop.example.com', path: '/api' },
      { scheme: 'http', host: 'www.example.com', path: '/' },
    ]);
    expect(web(Port.http(80)).toSpec().services[0].main.ports[0].routes).toBeUndefined();
  });

  test.each([
    [Port.tcp(80).route('https://shop.example.com/'), "shop/web ports[0].routes: only a port that speaks HTTP can have routes (got \"tcp/80\"). Declare it with Port.http(80)."],
    [Port.http(80).route('ftp://shop.example.com/'), 'shop/web ports[0].routes[0]: a route is scheme://host/path, without port, query or fragment (got "ftp://shop.example.com/")'],
    [Port.http(80).route('https://shop.example.com:8443/'), 'shop/web ports[0].routes[0]: a route is scheme://host/path, without port, query or fragment'],
    [Port.http(80).route('https://Shop.Example.com/'), 'shop/web ports[0].routes[0]: the host must be a lowercase DNS name with a dot (got "Shop.Example.com")'],
    [Port.http(80).route('https://shop.example.com/api/*'), 'shop/web ports[0].routes[0]: the path must be a plain prefix (got "/api/*")'],
  ])('GIVEN a bad route WHEN specified THEN the error names the route', (port, message) => {
    expect(() => web(port).toSpec()).toThrow(message);
  });

  test('GIVEN two services on one route WHEN specified THEN the second is a located error', () => {
    const sys = new System('shop');
    new Service(sys, 'a', { image: Image.of('nginx:1.27'), ports: [Port.http(80).route('https://shop.example.com/')] });
    new Service(sys, 'b', { image: Image.of('nginx:1.27'), ports: [Port.http(80).route('https://shop.example.com')] });
    expect(() => sys.toSpec()).toThrow('shop/b ports[0].routes[0]: the route is already taken by shop/a ports[0] (got "https://shop.example.com/"). Give each route its own host or path.');
  });
});
