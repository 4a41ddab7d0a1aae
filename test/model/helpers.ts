import { Image, ModelError, Service, ServiceProps, System } from '../../lib/model';

/** The error a call throws; fails the test when it throws nothing. */
export function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the call to throw, but it returned');
}

/** The message of the ModelError a call throws; fails the test when it throws anything else. */
export function modelErrorOf(f: () => unknown): string {
  const e = errorOf(f);
  if (!ModelError.is(e) || !(e instanceof ModelError)) throw new Error(`expected a ModelError, got ${String(e)}`);
  return e.message;
}

/** A pinned image that every valid example can use. */
export const NGINX = Image.of('nginx:1.27');

/** A System named `shop`, fresh for each test. */
export function shop(): System {
  return new System('shop');
}

/** A service `web` in a fresh System `shop`, with the given props on top of a valid image. */
export function web(props: Partial<ServiceProps> = {}): Service {
  return new Service(shop(), 'web', { image: NGINX, ...props });
}
