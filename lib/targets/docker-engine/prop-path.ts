/** `shop/web` + `ports[1]` -> `shop/web ports[1]`: where a finding about one prop points. */
export function propPath(path: string, prop: string): string {
  return `${path} ${prop}`;
}
