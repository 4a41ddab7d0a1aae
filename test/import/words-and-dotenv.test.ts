import { parseDotenv } from '../../lib/import/compose/dotenv';
import { parsePortText } from '../../lib/import/compose/ports';
import { splitShellWords } from '../../lib/import/compose/shell-words';

describe('splitting a command string as Compose does', () => {
  test.each([
    ['npm start', ['npm', 'start']],
    ['  serve   --port 80  ', ['serve', '--port', '80']],
    [`sh -c 'echo "hi there"; exit 0'`, ['sh', '-c', 'echo "hi there"; exit 0']],
    [`echo "a \\"quoted\\" word" 'it''s'`, ['echo', 'a "quoted" word', 'its']],
    ['a\\ b c', ['a b', 'c']],
    [`--greeting ""`, ['--greeting', '']],
    ['', []],
  ])('GIVEN %j THEN the words are %j', (line, words) => {
    expect(splitShellWords(line)).toEqual(words);
  });

  test.each([`echo 'open`, 'echo "open'])('GIVEN the unclosed %j THEN there are no words', (line) => {
    expect(splitShellWords(line)).toBeUndefined();
  });
});

describe('reading a .env or env_file file', () => {
  test('GIVEN comments, export, quotes and a bad line THEN the values are read and the bad line is named', () => {
    const text = [
      '# a comment',
      '',
      'PLAIN=value # trailing comment',
      'export EXPORTED=yes',
      "SINGLE='kept $literally'",
      'DOUBLE="line\\nbreak \\"quoted\\""',
      'EMPTY=',
      'NAME_ONLY',
      'not a line',
      'SPACED = around ',
    ].join('\n');
    expect(parseDotenv(text)).toEqual({
      values: { PLAIN: 'value', EXPORTED: 'yes', SINGLE: 'kept $literally', DOUBLE: 'line\nbreak "quoted"', EMPTY: '', SPACED: 'around' },
      bad: [9],
    });
  });
});

describe("reading a port as docker run -p does", () => {
  test.each([
    ['80', { container: [80, 80], protocol: 'tcp' }],
    ['8080:80', { container: [80, 80], host: [8080, 8080], protocol: 'tcp' }],
    ['53:53/udp', { container: [53, 53], host: [53, 53], protocol: 'udp' }],
    ['127.0.0.1:8080:80', { container: [80, 80], host: [8080, 8080], hostIp: '127.0.0.1', protocol: 'tcp' }],
    ['127.0.0.1::80', { container: [80, 80], hostIp: '127.0.0.1', protocol: 'tcp' }],
    ['[::1]:6001:6001', { container: [6001, 6001], host: [6001, 6001], hostIp: '::1', protocol: 'tcp' }],
    ['9000-9001:8000-8001', { container: [8000, 8001], host: [9000, 9001], protocol: 'tcp' }],
    ['3000-3002', { container: [3000, 3002], protocol: 'tcp' }],
    ['80/SCTP', { container: [80, 80], protocol: 'sctp' }],
  ])('GIVEN %j THEN it reads %j', (text, parsed) => {
    expect(parsePortText(text)).toEqual(parsed);
  });

  test.each(['http', '80:', '1:2:3:4', '90-80', '80/tcp/udp'])('GIVEN %j THEN it is not a port', (text) => {
    expect(parsePortText(text)).toBeUndefined();
  });
});
