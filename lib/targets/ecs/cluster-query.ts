/**
 * Words of ECS's cluster query language (`attribute:zone == eu-1`) for a custom attribute of the container
 * instances. ECS takes an attribute name of at most 128 letters, digits, `-`, `_`, `/`, `\` and `.`, and a value of at
 * most 128 letters, digits, `-`, `_`, `.`, `@`, `/`, `\`, `:` and spaces; an argument with more than letters, digits,
 * `-`, `_` and `.` is written in single quotes, as the language's own examples quote one (`['i-abcd1234']`).
 */

/** What an argument may hold unquoted. */
const BARE = /^[A-Za-z0-9_.-]+$/;
/** What a quoted argument may hold: an attribute value's characters, except `\`, for which the language has no escape. */
const QUOTABLE = /^[A-Za-z0-9_.@/: -]+$/;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_./\\-]{1,128}$/;

/** The argument that compares with `value`, quoted where it must be; or why no container instance's attribute holds it. */
export function attributeArgument(value: string): { readonly argument?: string; readonly why?: string } {
  if (value.length > 128) return { why: `an ECS attribute value is at most 128 characters (got ${value.length})` };
  if (BARE.test(value)) return { argument: value };
  if (QUOTABLE.test(value)) return { argument: `'${value}'` };
  const bad = [...new Set([...value].filter((ch) => !QUOTABLE.test(ch)))].join('');
  return {
    why: value.includes('\\')
      ? `the cluster query language has no way to write a backslash in an argument (got ${JSON.stringify(value)})`
      : `an ECS attribute value holds only letters, digits, spaces and - _ . @ / \\ : (got ${JSON.stringify(value)}, with ${JSON.stringify(bad)})`,
  };
}

/** Why ECS takes no custom attribute named `label`, or undefined when it does. */
export function attributeNameProblem(label: string): string | undefined {
  return ATTRIBUTE_NAME.test(label) ? undefined : `an ECS attribute name is at most 128 letters, digits and - _ / \\ . (got ${JSON.stringify(label)})`;
}
