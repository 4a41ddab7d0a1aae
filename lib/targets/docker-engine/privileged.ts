import type { ContainerSpec } from '../../model/spec';
import type { FindingText } from './finding-text';

/** A privileged container, kept as asked: the same words under every Docker-engine target. */
export function privilegedText(container: ContainerSpec): FindingText {
  return [
    `${container.name} runs privileged, with full access to the host's devices and kernel.`,
    'Leave privileged off; grant single capabilities where the image needs them.',
  ];
}
