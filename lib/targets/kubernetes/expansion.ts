/**
 * Kubernetes expands `$(VAR)` in a container's `command`, `args` and env values, and turns `$$` into `$`; Docker
 * keeps both as written. Escaping each `$` that starts one of them (`$(` -> `$$(`, `$$` -> `$$$$`) makes the
 * container see exactly the model's text; a `$` before anything else is kept as is by Kubernetes too.
 */
export function literal(text: string): string {
  return text.includes('$') ? text.replace(/\$(?=[$(])/g, '$$$$') : text;
}
