import { Image, Secret, Service, System } from '../../lib/model';
import { render } from './render';

/** What a container sees from a value after Kubernetes' `$(VAR)` expansion, given the variables it defines. */
function expand(text: string, vars: Record<string, string>): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '$' || i + 1 >= text.length) {
      out += text[i];
      continue;
    }
    const next = text[i + 1];
    const close = text.indexOf(')', i + 2);
    if (next === '$') out += '$';
    else if (next === '(' && close >= 0) {
      const name = text.slice(i + 2, close);
      out += name in vars ? vars[name] : `$(${name})`;
      i = close - 1;
    } else out += `$${next}`;
    i += 1;
  }
  return out;
}

describe('Kubernetes: $( and $$ in command, args and env stay literal', () => {
  test('GIVEN $(VAR) and $$ in entrypoint, command and env WHEN rendered and expanded as Kubernetes does THEN the container sees the model text', () => {
    const sys = new System('shop');
    const token = new Secret(sys, 'api-token');
    const model = {
      entrypoint: ['sh', '-c', 'echo $$(GREETING) cost $5'],
      command: ['echo', 'literal $(API_TOKEN)', 'price $$ and $'],
      env: { GREETING: 'hello', MSG: 'say $(GREETING)', TWO: '$$(MSG)' },
    };
    new Service(sys, 'web', { image: Image.of('busybox:1.36'), ...model, secretEnv: { API_TOKEN: token } });
    const c = render(sys).container('web');
    const vars = { GREETING: 'hello', API_TOKEN: 'the secret value', MSG: 'say hello' };
    expect(c.command.map((w: string) => expand(w, vars))).toEqual(model.entrypoint);
    expect(c.args.map((w: string) => expand(w, vars))).toEqual(model.command);
    const env = Object.fromEntries(c.env.filter((e: any) => e.value !== undefined).map((e: any) => [e.name, expand(e.value, vars)]));
    expect(env).toEqual(model.env);
    expect(c.args[1]).toBe('literal $$(API_TOKEN)');
  });

  test('GIVEN the test expander WHEN given an unescaped reference THEN it expands it, as Kubernetes would', () => {
    expect(expand('a $(X) $$(X) $y $', { X: '1' })).toBe('a 1 $(X) $y $');
  });
});
