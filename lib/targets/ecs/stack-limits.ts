import { STACK_LIMITS } from './stack-plan';
import type { EcsDiagnostics } from './diagnostics';

/** What one synthesized template holds, against CloudFormation's limits. */
export interface StackMeasure {
  readonly stack: string;
  readonly resources: number;
  readonly outputs: number;
  readonly templateBytes: number;
}

/** Counts the resources and outputs of a template and its size in bytes. */
export function measureTemplate(stack: string, content: string): StackMeasure {
  const template = JSON.parse(content) as { Resources?: object; Outputs?: object };
  return {
    stack,
    resources: Object.keys(template.Resources ?? {}).length,
    outputs: Object.keys(template.Outputs ?? {}).length,
    templateBytes: Buffer.byteLength(content, 'utf8'),
  };
}

/** An error for every limit a template exceeds: the plan's estimate fell short, or the shared part alone is too large. */
export function checkStackLimits(system: string, measures: readonly StackMeasure[], d: EcsDiagnostics): void {
  for (const m of measures) {
    const over: string[] = [];
    if (m.resources > STACK_LIMITS.resources) over.push(`${m.resources} resources (at most ${STACK_LIMITS.resources})`);
    if (m.outputs > STACK_LIMITS.outputs) over.push(`${m.outputs} outputs (at most ${STACK_LIMITS.outputs})`);
    if (m.templateBytes > STACK_LIMITS.templateBytes) over.push(`a template of ${m.templateBytes} bytes (at most ${STACK_LIMITS.templateBytes})`);
    if (over.length === 0) continue;
    d.add('ecs/stack-limits', `${system} (${m.stack})`, `the stack ${m.stack} has ${over.join(', ')}: CloudFormation refuses it`, 'Use fewer networks, volumes or secrets in one system (they share one stack), or split the system in two.');
  }
}
