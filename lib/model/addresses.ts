/**
 * IP addresses and CIDR blocks as a port's `hostIp` and `from` take them: parsed to their bits so a value is
 * checked once, in the model, and a target receives only valid, canonical text.
 */

/** An address as 4 (IPv4) or 16 (IPv6) bytes; undefined when the text is not one. */
function addressBytes(text: string): number[] | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const bytes = text.split('.').map(Number);
    return bytes.every((b, i) => b <= 255 && String(b) === text.split('.')[i]) ? bytes : undefined;
  }
  if (!/^[0-9a-fA-F:]+$/.test(text) || text.split('::').length > 2) return undefined;
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const all = [...left, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...right];
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 255]);
}

/** True when the text is an IPv4 or IPv6 address. */
export function isIpAddress(text: string): boolean {
  return addressBytes(text) !== undefined;
}

/** True for an address only the host itself reaches: 127.0.0.0/8 or ::1. */
export function isLoopbackAddress(text: string): boolean {
  const bytes = addressBytes(text);
  if (bytes === undefined) return false;
  if (bytes.length === 4) return bytes[0] === 127;
  return bytes.slice(0, 15).every((b) => b === 0) && bytes[15] === 1;
}

/** The problem with a CIDR block, or undefined when it is a valid one with no bits set past its prefix. */
export function cidrProblem(text: string): string | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(text);
  if (!m) return 'must be a CIDR block, an address and a prefix length';
  const bytes = addressBytes(m[1]);
  if (bytes === undefined) return 'must be a CIDR block, an address and a prefix length';
  const prefix = Number(m[2]);
  if (prefix > bytes.length * 8) return `prefix length must be at most ${bytes.length * 8}`;
  const hostBitsSet = bytes.some((b, i) => {
    const kept = Math.min(8, Math.max(0, prefix - i * 8));
    return (b & (255 >> kept)) !== 0;
  });
  return hostBitsSet ? 'has bits set past its prefix length' : undefined;
}
