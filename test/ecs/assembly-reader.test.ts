import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readAssembly } from '../../lib/targets/ecs/assembly';

/** A cloud assembly folder holding one metadata file, read back as lading reads it. */
function readMetadata(metadata: unknown, indent = 2): unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lading-assembly-test-'));
  try {
    fs.writeFileSync(path.join(dir, 'Shop.metadata.json'), JSON.stringify(metadata, undefined, indent));
    const [file] = readAssembly(dir, 'shop', (p) => p, '/nowhere', path.join(dir, 'scratch'));
    expect(file.path).toBe('shop/Shop.metadata.json');
    return file.content;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const frames = ['    at buildVpc (/p/lib/targets/ecs/vpc.ts:113:12)', '    at buildSystemStacks (/p/lib/targets/ecs/system-stack.ts:131:35)'];

describe('ECS: the cloud assembly as lading writes it', () => {
  test('GIVEN metadata entries with stack traces WHEN read THEN they are written as before without the traces, other values as they were', () => {
    const metadata = {
      '/Shop': [{ type: 'aws:cdk:logicalId', data: 'Shop', trace: frames }],
      '/Shop/Vpc': [
        { type: 'aws:cdk:acknowledged-rules', data: { 'Annotation::AwsSolutions-VPC7': 'off: "trace"' }, trace: ['    (no user code)'] },
        { type: 'aws:cdk:stack-tags', data: [{ key: 'trace', value: 'x' }] },
      ],
    };
    const expected = {
      '/Shop': [{ type: 'aws:cdk:logicalId', data: 'Shop' }],
      '/Shop/Vpc': [
        { type: 'aws:cdk:acknowledged-rules', data: { 'Annotation::AwsSolutions-VPC7': 'off: "trace"' } },
        { type: 'aws:cdk:stack-tags', data: [{ key: 'trace', value: 'x' }] },
      ],
    };
    expect(readMetadata(metadata)).toBe(JSON.stringify(expected, undefined, 2));
  });

  test('GIVEN a trace that is the first key, one that is not a list, or another indentation WHEN read THEN every trace is dropped all the same', () => {
    const metadata = { '/Shop': [{ trace: frames, type: 'info', data: { trace: 'inner', kept: 1 } }, { type: 'info', data: 'x', trace: [] }] };
    const expected = JSON.stringify({ '/Shop': [{ type: 'info', data: { kept: 1 } }, { type: 'info', data: 'x' }] }, undefined, 2);
    expect(readMetadata(metadata)).toBe(expected);
    expect(readMetadata({ '/Shop': [{ type: 'info', data: 'x', trace: frames }] }, 1)).toBe(JSON.stringify({ '/Shop': [{ type: 'info', data: 'x' }] }, undefined, 2));
  });
});
