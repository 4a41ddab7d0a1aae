import { Construct } from 'constructs';
import { ModelError, ModelValidationError, RestartSpec, System, Workload } from '../../lib/model';
import { formatModelMessage, show } from '../../lib/model/errors';
import { errorOf, NGINX } from './helpers';

describe('ModelError', () => {
  it('GIVEN a path, prop, problem, value and fix WHEN thrown THEN the message is one line: <path> <prop>: <problem> (got <value>). <fix>.', () => {
    const e = new ModelError('shop/web', 'ports[0]', 'port must be 1-65535', 70000, 'Use a port between 1 and 65535.');
    expect(e.message).toBe('shop/web ports[0]: port must be 1-65535 (got 70000). Use a port between 1 and 65535.');
    expect([e.name, e.path, e.prop, e.problem, e.got, e.fix]).toEqual(['ModelError', 'shop/web', 'ports[0]', 'port must be 1-65535', 70000, 'Use a port between 1 and 65535.']);
    expect(ModelError.is(e)).toBe(true);
  });

  it.each<[string, Parameters<typeof formatModelMessage>, string]>([
    ['no prop', ['shop/web', '', 'must be created directly under the System', 'web'], 'shop/web: must be created directly under the System (got "web")'],
    ['no value', ['shop/web', 'image', 'must be an Image', undefined, 'Use Image.of'], 'shop/web image: must be an Image. Use Image.of.'],
    ['no fix', ['shop/web', 'x', 'problem', 1], 'shop/web x: problem (got 1)'],
    ['null as the value', ['shop/web', 'x', 'problem', null, 'Fix'], 'shop/web x: problem (got null). Fix.'],
  ])('GIVEN %s WHEN formatted THEN the parts left out leave no trace', (_given, args, message) => {
    expect(formatModelMessage(...args)).toBe(message);
  });

  it.each<[string, unknown, string]>([
    ['a string', 'nginx', '"nginx"'],
    ['a number', 1.5, '1.5'],
    ['a boolean', false, 'false'],
    ['undefined', undefined, 'undefined'],
    ['a list', ['a', 1], '["a",1]'],
    ['a function', function build() {}, 'function build() {}'],
  ])('GIVEN %s WHEN shown THEN it reads as the user wrote it', (_given, value, text) => {
    expect(show(value)).toBe(text);
  });

  it('GIVEN a value that refers to itself WHEN shown THEN it falls back to its string form', () => {
    const loop: { self?: unknown } = {};
    loop.self = loop;
    expect(show(loop)).toBe('[object Object]');
  });

  it('GIVEN other errors WHEN tested THEN only model errors count as a user\'s mistake', () => {
    expect([ModelError.is(new Error('x')), ModelError.is(null), ModelError.is('x')]).toEqual([false, false, false]);
    expect(ModelError.is(new ModelValidationError([]))).toBe(true);
  });
});

describe('ModelValidationError', () => {
  it('GIVEN several model errors WHEN gathered THEN the message has one line each, in order', () => {
    const e = new ModelValidationError([new ModelError('shop/a', 'x', 'one'), new ModelError('shop/b', 'y', 'two')]);
    expect([e.name, e.message, e.errors.length]).toEqual(['ModelValidationError', 'shop/a x: one\nshop/b y: two', 2]);
  });
});

describe('errors that are not the user\'s', () => {
  class Unknown extends Workload {
    public readonly _workloadKind = 'service' as const;
    constructor(scope: Construct, id: string) {
      super(scope, id, { image: NGINX }, undefined, 'workload');
    }
    public _restart(): RestartSpec {
      return { policy: 'always' };
    }
  }

  it('GIVEN a workload kind the spec does not know WHEN specified THEN toSpec throws a plain Error, not a model error', () => {
    const sys = new System('shop');
    new Unknown(sys, 'odd');
    const e = errorOf(() => sys.toSpec());
    expect([ModelError.is(e), e.message]).toEqual([false, 'unknown workload shop/odd']);
  });
});
