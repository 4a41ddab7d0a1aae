import type { ServiceSpec } from '../../model/spec';

/**
 * The deployment percentages of an ECS service. A service on a single-writer volume stops its old task before
 * the new one starts (0% healthy minimum, 100% maximum), so two copies never open the same files on EFS; any
 * other service starts the new task first (100% / 200%).
 */
export function deploymentPercents(s: ServiceSpec): { readonly minHealthyPercent: number; readonly maxHealthyPercent: number } {
  return s.rollout === 'recreate' ? { minHealthyPercent: 0, maxHealthyPercent: 100 } : { minHealthyPercent: 100, maxHealthyPercent: 200 };
}
