import { compareNames } from '../../lib/model/names';

describe('compareNames: the order of names and construct paths', () => {
  test('GIVEN names and paths of lowercase letters, digits, - and / WHEN sorted THEN the order is localeCompare order', () => {
    const names = ['web-2', 'web', 'web-10', 'w', 'web2', 'a-b', 'ab', 'a0', 'a-', 'shop/web', 'shop/web-1', 'shop-a/x', 'z9', '0a', ''];
    const expected = [...names].sort((a, b) => a.localeCompare(b));
    expect([...names].sort(compareNames)).toEqual(expected);
    for (const a of names) for (const b of names) expect(Math.sign(compareNames(a, b))).toBe(Math.sign(a.localeCompare(b)));
  });

  test('GIVEN strings with capitals or other characters WHEN compared THEN they are ordered as localeCompare orders them, not by code unit', () => {
    // code units put 'B' before 'a'; localeCompare puts 'a' first
    expect(Math.sign(compareNames('a', 'B'))).toBe(-1);
    expect(Math.sign(compareNames('Web', 'api'))).toBe(Math.sign('Web'.localeCompare('api')));
    expect(Math.sign(compareNames('web_1', 'web-1'))).toBe(Math.sign('web_1'.localeCompare('web-1')));
  });
});
