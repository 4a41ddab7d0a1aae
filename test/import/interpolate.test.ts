import { interpolate, requiredReference, variableReference } from '../../lib/import/compose/interpolate';

const vars: Record<string, string> = { TAG: '1.27', EMPTY: '', HOST: 'db' };
const lookup = (name: string): string | undefined => vars[name];

describe("Compose's interpolation", () => {
  test.each([
    ['nginx:$TAG', 'nginx:1.27'],
    ['nginx:${TAG}', 'nginx:1.27'],
    ['${MISSING:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${EMPTY-fallback}', ''],
    ['${MISSING-fallback}', 'fallback'],
    ['${TAG:+set}', 'set'],
    ['${EMPTY:+set}', ''],
    ['${EMPTY+set}', 'set'],
    ['${MISSING:-${HOST}:5432}', 'db:5432'],
    ['price: $$5 and $${TAG}', 'price: $5 and ${TAG}'],
    ['no variables', 'no variables'],
  ])('GIVEN %j WHEN interpolated THEN it reads %j', (text, expected) => {
    const { value, problems } = interpolate(text, lookup);
    expect(value).toBe(expected);
    expect(problems).toEqual([]);
  });

  test('GIVEN an unset variable without a default WHEN interpolated THEN it is empty and reported unset', () => {
    expect(interpolate('a${MISSING}b', lookup)).toEqual({ value: 'ab', problems: [{ kind: 'unset', name: 'MISSING' }] });
  });

  test.each([
    ['${MISSING:?set it}', 'set it'],
    ['${EMPTY:?must not be empty}', 'must not be empty'],
    ['${MISSING?}', 'MISSING is required'],
  ])('GIVEN %j WHEN the variable is missing THEN it is reported required with %j', (text, message) => {
    expect(interpolate(text, lookup).problems).toEqual([{ kind: 'required', name: text.slice(2).split(/[:?]/)[0], message }]);
  });

  test('GIVEN ${EMPTY?msg} WHEN the variable is set but empty THEN it is not required', () => {
    expect(interpolate('${EMPTY?msg}', lookup)).toEqual({ value: '', problems: [] });
  });

  test.each(['${TAG', 'cost 5$', '${1X}', '${TAG:x}'])('GIVEN the malformed %j WHEN interpolated THEN it is reported invalid', (text) => {
    expect(interpolate(text, lookup).problems.map((p) => p.kind)).toEqual(['invalid']);
  });

  test('GIVEN whole-value references THEN the required and the plain ones are told apart', () => {
    expect(requiredReference('${DB_PASSWORD:?set DB_PASSWORD to the value of secret db-password}')).toEqual({
      name: 'DB_PASSWORD',
      message: 'set DB_PASSWORD to the value of secret db-password',
    });
    expect(requiredReference('${DB_PASSWORD?}')).toEqual({ name: 'DB_PASSWORD', message: '' });
    expect(requiredReference('x${DB_PASSWORD:?}')).toBeUndefined();
    expect(variableReference('$TOKEN')).toBe('TOKEN');
    expect(variableReference('${TOKEN}')).toBe('TOKEN');
    expect(variableReference('${TOKEN:-dev}')).toBe('TOKEN');
    expect(variableReference('${TOKEN}x')).toBeUndefined();
    expect(variableReference('${TOKEN:?x}')).toBeUndefined();
  });
});
