import { parseCpus, parseDuration, parseSize } from '../../lib/model';
import { parseCpuShares } from '../../lib/model/quantities';
import { modelErrorOf } from './helpers';

const SIZE_FIX = "Write a whole number of bytes or a number with a unit b, k, m, g or t (Docker's notation: '512m', '1g'), or Ki, Mi, Gi, Ti.";
const CPUS_FIX = 'Write a number of CPUs greater than 0 with at most three decimals, as for docker run --cpus (0.5, 1, 2).';
const DURATION_FIX = "Write a duration such as '30s', '1m30s' or '2m', or a whole number of seconds.";

describe('parseSize', () => {
  it.each<[string | number, number]>([
    ['512m', 536870912],
    ['1g', 1073741824],
    ['64k', 65536],
    ['1048576', 1048576],
    [1048576, 1048576],
    ['512Mi', 536870912],
    ['10Gi', 10737418240],
    ['1t', 1099511627776],
    ['1.5m', 1572864],
    [' 2G ', 2147483648],
    ['100b', 100],
    ['3MiB', 3145728],
  ])('GIVEN %p WHEN parsed THEN it is %p bytes (binary units, as Docker)', (value, bytes) => {
    expect(parseSize('shop/web', 'resources.memory', value)).toBe(bytes);
  });

  it.each<[string, unknown, string]>([
    ['a unit nobody knows', '10x', `shop/web resources.memory: cannot parse size (got "10x"). ${SIZE_FIX}`],
    ['words', 'lots', `shop/web resources.memory: cannot parse size (got "lots"). ${SIZE_FIX}`],
    ['an empty string', '', `shop/web resources.memory: cannot parse size (got ""). ${SIZE_FIX}`],
    ['a negative size', '-1m', `shop/web resources.memory: cannot parse size (got "-1m"). ${SIZE_FIX}`],
    ['exponent notation', '1e3', `shop/web resources.memory: cannot parse size (got "1e3"). ${SIZE_FIX}`],
    ['zero as a string', '0', `shop/web resources.memory: size must be greater than zero (got "0"). ${SIZE_FIX}`],
    ['a size that rounds to zero bytes', '0.1b', `shop/web resources.memory: size must be greater than zero (got "0.1b"). ${SIZE_FIX}`],
    ['a size past 2^53 bytes', '9999999t', `shop/web resources.memory: size is too large (got "9999999t"). ${SIZE_FIX}`],
    ['zero as a number', 0, `shop/web resources.memory: size must be a positive whole number of bytes (got 0). ${SIZE_FIX}`],
    ['a fraction of a byte', 1.5, `shop/web resources.memory: size must be a positive whole number of bytes (got 1.5). ${SIZE_FIX}`],
    ['a negative number', -5, `shop/web resources.memory: size must be a positive whole number of bytes (got -5). ${SIZE_FIX}`],
    ['a boolean', true, `shop/web resources.memory: size must be a string or a number (got true). ${SIZE_FIX}`],
    ['nothing', undefined, "shop/web resources.memory: a size is required. Write one in Docker's notation, e.g. '10m'."],
  ])('GIVEN %s WHEN parsed THEN it fails with the path, the value and the fix', (_given, value, message) => {
    expect(modelErrorOf(() => parseSize('shop/web', 'resources.memory', value as string))).toBe(message);
  });
});

describe('parseCpus', () => {
  it.each<[number | string, number]>([
    [0.5, 500],
    [1, 1000],
    [2, 2000],
    ['1.5', 1500],
    [' 0.25 ', 250],
    [0.001, 1],
    [0.1, 100],
    [512, 512000],
  ])('GIVEN %p CPUs WHEN parsed THEN it is %p millicores', (value, millis) => {
    expect(parseCpus('shop/web', 'resources.cpus', value)).toBe(millis);
  });

  it.each<[string, unknown, string]>([
    ['zero', 0, `shop/web resources.cpus: cannot parse CPUs (got 0). ${CPUS_FIX}`],
    ['a negative number', -1, `shop/web resources.cpus: cannot parse CPUs (got -1). ${CPUS_FIX}`],
    ['words', 'two', `shop/web resources.cpus: cannot parse CPUs (got "two"). ${CPUS_FIX}`],
    ['a millicore string', '500m', `shop/web resources.cpus: cannot parse CPUs (got "500m"). Write 0.5: 500m is Kubernetes' notation, and cpus takes Docker's (docker run --cpus 0.5).`],
    ['zero millicores', '0m', `shop/web resources.cpus: cannot parse CPUs (got "0m"). ${CPUS_FIX}`],
    ['not a number', Number.NaN, `shop/web resources.cpus: cannot parse CPUs (got NaN). ${CPUS_FIX}`],
    ['infinity', Number.POSITIVE_INFINITY, `shop/web resources.cpus: cannot parse CPUs (got Infinity). ${CPUS_FIX}`],
    ['less than a millicore', 0.0004, `shop/web resources.cpus: CPUs must be a multiple of 0.001 (got 0.0004). ${CPUS_FIX}`],
    ['four decimals', 0.0015, `shop/web resources.cpus: CPUs must be a multiple of 0.001 (got 0.0015). ${CPUS_FIX}`],
    [
      'more CPUs than any host has',
      100000,
      'shop/web resources.cpus: CPUs must be at most 512, more than any host has (got 100000). Write the CPUs one container may use, as for docker run --cpus (0.5, 1, 2).',
    ],
    ['the same as a string', '513', 'shop/web resources.cpus: CPUs must be at most 512, more than any host has (got "513"). Write the CPUs one container may use, as for docker run --cpus (0.5, 1, 2).'],
  ])('GIVEN %s WHEN parsed as CPUs THEN it fails with the exact message', (_given, value, message) => {
    expect(modelErrorOf(() => parseCpus('shop/web', 'resources.cpus', value as number))).toBe(message);
  });
});

describe('parseCpuShares', () => {
  it.each([2, 512, 1024, 262144])('GIVEN %p shares WHEN parsed THEN they are kept as the weight', (shares) => {
    expect(parseCpuShares('shop/web', 'resources.cpuShares', shares)).toBe(shares);
  });

  it.each<[string, unknown, string]>([
    ['one share', 1, 'shop/web resources.cpuShares: CPU shares must be a whole number from 2 to 262144 (got 1). Use 1024 for the weight of one CPU, 512 for half.'],
    ['too many shares', 262145, 'shop/web resources.cpuShares: CPU shares must be a whole number from 2 to 262144 (got 262145). Use 1024 for the weight of one CPU, 512 for half.'],
    ['a fraction', 1.5, 'shop/web resources.cpuShares: CPU shares must be a whole number from 2 to 262144 (got 1.5). Use 1024 for the weight of one CPU, 512 for half.'],
    ['a string', '512', 'shop/web resources.cpuShares: CPU shares must be a whole number from 2 to 262144 (got "512"). Use 1024 for the weight of one CPU, 512 for half.'],
  ])('GIVEN %s WHEN parsed as CPU shares THEN it fails with the exact message', (_given, value, message) => {
    expect(modelErrorOf(() => parseCpuShares('shop/web', 'resources.cpuShares', value as number))).toBe(message);
  });
});

describe('parseDuration', () => {
  it.each<[string | number, number]>([
    ['30s', 30],
    ['1m30s', 90],
    ['2m', 120],
    ['1h', 3600],
    ['1000ms', 1],
    ['1s500ms500ms', 2],
    ['1.5m', 90],
    ['0.5h', 1800],
    ['2.5s500ms', 3],
    [' 10s ', 10],
    [0, 0],
    [45, 45],
  ])('GIVEN %p WHEN parsed THEN it is %p seconds', (value, seconds) => {
    expect(parseDuration('shop/web', 'health.interval', value)).toBe(seconds);
  });

  it.each<[string, unknown, string]>([
    ['a bare number as a string', '10', `shop/web health.interval: cannot parse duration (got "10"). Write '10s' (a string needs its unit), or the number 10.`],
    ['an unknown unit', '1d', `shop/web health.interval: cannot parse duration (got "1d"). ${DURATION_FIX}`],
    ['an empty string', '', `shop/web health.interval: cannot parse duration (got ""). ${DURATION_FIX}`],
    ['a fractional amount of seconds', '1.5s', `shop/web health.interval: duration must be a whole number of seconds (got "1.5s"). ${DURATION_FIX}`],
    ['a point without decimals', '1.s', `shop/web health.interval: cannot parse duration (got "1.s"). ${DURATION_FIX}`],
    ['a boolean', true, `shop/web health.interval: cannot parse duration (got true). ${DURATION_FIX}`],
    ['half a second', '500ms', `shop/web health.interval: duration must be a whole number of seconds (got "500ms"). ${DURATION_FIX}`],
    ['a fractional number', 1.5, `shop/web health.interval: duration must be a whole number of seconds (got 1.5). ${DURATION_FIX}`],
    ['a negative number', -1, `shop/web health.interval: duration must be a whole number of seconds (got -1). ${DURATION_FIX}`],
  ])('GIVEN %s WHEN parsed as a duration THEN it fails with the exact message', (_given, value, message) => {
    expect(modelErrorOf(() => parseDuration('shop/web', 'health.interval', value as string))).toBe(message);
  });
});
