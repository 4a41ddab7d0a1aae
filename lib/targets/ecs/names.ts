/** `cats-and-dogs` -> `CatsAndDogs`: the CloudFormation stack name of a system (no account or region in it). */
export function stackNameOf(systemName: string): string {
  const pascal = systemName
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
  return /^[A-Za-z]/.test(pascal) ? pascal : `System${pascal}`;
}

/** The task definition family of a workload: `shop-web`. */
export function familyOf(systemName: string, workloadName: string): string {
  return `${systemName}-${workloadName}`;
}
