/**
 * The name of an environment variable the model carries: what Kubernetes accepts (letters, digits, '_', '-' and
 * '.', not starting with a digit), which Docker and ECS accept too. Elasticsearch reads `discovery.type`. A
 * variable whose value is a Secret keeps the stricter shell-name rule: Compose interpolates it as `${NAME}`.
 */
export const ENV_KEY_PATTERN = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
