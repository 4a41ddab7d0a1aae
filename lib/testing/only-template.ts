/** The one template of a system's ECS output; throws when the system was split into several stacks. */
export function onlyTemplate<T>(system: string, templates: Readonly<Record<string, T>>): T {
  const names = Object.keys(templates);
  if (names.length !== 1) {
    throw new Error(`${system}: the ECS output has ${names.length} stacks (got ${names.join(', ') || 'none'}). Use Testing.ecsTemplates to pick one by stack name.`);
  }
  return templates[names[0]];
}
