import { blockYaml, presentWhole } from '../../lib/targets/kubernetes/block-yaml';

/** A deterministic sequence of numbers in [0, 1) (mulberry32). */
function numbers(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// the characters where js-yaml's choice of style changes: indicators, white space, digits and the letters of
// YAML 1.1 words (yes, no, on, off, null, true, .inf, .nan, 0x, 0o, 1e5, 1:20, 2024-01-01)
const ALPHABET = 'aefilnostuxyYNOT0123456789_./;=+,-: #?&*!|>\'"%@`[]{}~<\t\\é';

// and the characters of YAML 1.1's implicit types alone, so that their words and numbers come up
const TYPED = 'yesnoNOfaltrukIF.0123456789:-+_ xbE';

function randomString(next: () => number, alphabet = ALPHABET): string {
  const length = Math.floor(next() * 8);
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}

const WORDS = ['y', 'Y', 'yes', 'No', 'on', 'OFF', 'true', 'False', 'null', 'Null', '~', '', '=', '-', '--', '---', '...', '.inf', '-.Inf', '.nan', '0x1F', '0o17', '0b101', '0777', '1_000', '1:20', '-1:20:30', '1e5', '1.5', '+12', '2024-01-01', '2024-01-01 10:00:00', '<<', 'a: b', 'a #b', 'a#b', 'a:', ' a', 'a ', 'a  b', '- a', '-a', '-1', ':a', 'a:b', 'http://x:80/y'];

function randomValue(next: () => number, depth: number): unknown {
  const pick = next();
  if (depth > 3 || pick < 0.45) return randomString(next);
  if (pick < 0.5) return [null, true, false, 0, -0, 7, -12, 1.5, 1e21, NaN, Infinity, undefined][Math.floor(next() * 12)];
  const size = Math.floor(next() * 4);
  if (pick < 0.75) return Array.from({ length: size }, () => randomValue(next, depth + 1));
  const map: Record<string, unknown> = {};
  for (let i = 0; i < size; i++) map[randomString(next)] = randomValue(next, depth + 1);
  return map;
}

describe('block YAML writer', () => {
  test('GIVEN YAML 1.1 words and numbers and 12,000 strings of indicator, white-space and typed characters WHEN written as a key, a value and an item THEN each text is what js-yaml writes', () => {
    const next = numbers(22);
    const strings = [...WORDS, ...Array.from({ length: 12000 }, (_, i) => randomString(next, i % 2 === 0 ? ALPHABET : TYPED))];
    let plain = 0;
    for (const s of strings) {
      for (const doc of [{ k: s }, { [s]: 'v' }, { k: [s] }]) expect(blockYaml(doc)).toBe(presentWhole(doc));
      if (blockYaml({ k: s }) === `k: ${s}\n`) plain++;
    }
    // the strings cover both outcomes
    expect(plain).toBeGreaterThan(1000);
    expect(plain).toBeLessThan(11000);
  });

  test('GIVEN 3,000 random JSON documents (nested maps and lists, empty ones, numbers, booleans, null, undefined) WHEN written THEN each is what js-yaml writes', () => {
    const next = numbers(7);
    for (let i = 0; i < 3000; i++) {
      const doc = randomValue(next, 0);
      expect(blockYaml(doc)).toBe(presentWhole(doc));
    }
  });

  test('GIVEN 3,000 random JSON documents WHEN written with sortBelowRoot THEN each is what js-yaml writes of it with the keys of every mapping below the root in sorted order', () => {
    // as an object built with its keys in sorted order enumerates them: integer keys first
    const sorted = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map((item) => sorted(item));
      if (value === null || typeof value !== 'object') return value;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value).sort()) out[key] = sorted((value as Record<string, unknown>)[key]);
      return out;
    };
    const next = numbers(11);
    let reordered = 0;
    for (let i = 0; i < 3000; i++) {
      const doc = { z: randomValue(next, 1), a: randomValue(next, 1), m: { '10': 1, '9': { b: 2, a: [{ d: 1, c: 2 }] }, x: 'multi\nline' } };
      const root = { z: sorted(doc.z), a: sorted(doc.a), m: sorted(doc.m) };
      expect(blockYaml(doc, true)).toBe(presentWhole(root));
      const single = { z: sorted(doc.z), a: sorted(doc.a) };
      expect(blockYaml({ z: doc.z, a: doc.a }, true)).toBe(presentWhole(single));
      if (blockYaml({ z: doc.z, a: doc.a }, true) !== blockYaml({ z: doc.z, a: doc.a })) reordered++;
    }
    expect(reordered).toBeGreaterThan(300);
  });

  test('GIVEN a multi-line string, a key over 1,024 characters and an object that is not JSON WHEN written THEN js-yaml writes that document', () => {
    for (const doc of [{ a: { b: 'one\ntwo\n\n' } }, { ['k'.repeat(1100)]: 1 }, { a: new Date(0) }]) expect(blockYaml(doc)).toBe(presentWhole(doc));
    expect(() => blockYaml({ a: () => 1 })).toThrow(/unacceptable kind/);
  });
});
