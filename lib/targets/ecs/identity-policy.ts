import { Token, type IPostProcessor, type IResolvable, type IResolveContext } from 'aws-cdk-lib';

/** One statement of an identity policy: actions allowed on resources (ARNs, tokens of ARNs, or `*`). */
export interface AllowStatement {
  readonly actions: readonly string[];
  readonly resources: readonly string[];
}

/** A statement as the template has it; tokens unresolved. */
export interface StatementJson {
  readonly Action: string | string[];
  readonly Effect: 'Allow';
  readonly Resource: string | string[];
}

/** A list with each value once, first place kept; one value bare. */
function bareOrList(values: readonly string[]): string | string[] {
  const unique = [...new Set(values)];
  return unique.length === 1 ? unique[0] : unique;
}

/** What aws-cdk-lib counts for an action or an ARN that is a token, when it estimates a policy's size. */
const ACTION_ESTIMATE = 20;

/** The context key that sets the ARN estimate, and its default. */
export const ARN_ESTIMATE_KEY = '@aws-cdk/aws-iam.arnSizeEstimate';
export const ARN_ESTIMATE_DEFAULT = 150;

/** A statement's size as aws-cdk-lib estimates it to split a large policy (`"Effect": "Allow",`, the lists, `{}`). */
function estimatedSize(s: AllowStatement, arnEstimate: number): number {
  const listSize = (key: string, values: readonly string[], tokenSize: number) =>
    key.length + 5 + [...new Set(values)].reduce((sum, v) => sum + (Token.isUnresolved(v) ? tokenSize : v.length) + 3, 0);
  return '"Effect": "Allow",'.length + listSize('Action', s.actions, ACTION_ESTIMATE) + listSize('Resource', s.resources, arnEstimate) + '{}'.length;
}

/** Whether two lists hold the same values, in any order. */
function sameValues(a: readonly string[], b: readonly string[]): boolean {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
}

/** Leaves out each statement equal, once resolved, to an earlier one. */
const WITHOUT_REPEATS: IPostProcessor = {
  postProcess(input: { Statement?: unknown[] } | undefined): unknown {
    if (!input?.Statement) return input;
    const seen = new Set<string>();
    const kept = input.Statement.filter((s) => {
      const json = JSON.stringify(s);
      if (seen.has(json)) return false;
      seen.add(json);
      return true;
    });
    return { ...input, Statement: kept };
  },
};

/**
 * An identity policy document (an IAM policy's `PolicyDocument`) written as aws-cdk-lib's PolicyDocument writes it
 * when policies are not minimized (`@aws-cdk/aws-iam:minimizePolicies` off, as in lading's Apps): the statements in
 * the order added, each action and resource once and a single one bare, and a statement that resolves to the same
 * as an earlier one left out.
 */
export class IdentityPolicy implements IResolvable {
  readonly creationStack: string[] = [];
  private statements: AllowStatement[] = [];

  add(statement: AllowStatement): void {
    this.statements.push(statement);
  }

  /**
   * Splits a policy too large for a role's inline policy as aws-cdk-lib's Role does: when the statements' estimated
   * size reaches `selfMax`, equal statements are kept once and, in order, each that no longer fits here goes to the
   * first new document with room under `splitMax` (a managed policy each). Returns the new documents.
   */
  split(selfMax: number, splitMax: number, arnEstimate: number): IdentityPolicy[] {
    const sizeOf = (s: AllowStatement) => estimatedSize(s, arnEstimate);
    if (this.statements.reduce((sum, s) => sum + sizeOf(s), 0) < selfMax) return [];
    const merged: AllowStatement[] = [];
    for (const s of this.statements) if (!merged.some((m) => sameValues(m.actions, s.actions) && sameValues(m.resources, s.resources))) merged.push(s);
    const kept: AllowStatement[] = [];
    const docs: { policy: IdentityPolicy; size: number }[] = [];
    let size = 0;
    for (const s of merged) {
      const statementSize = sizeOf(s);
      if (size + statementSize < selfMax) {
        size += statementSize;
        kept.push(s);
        continue;
      }
      let doc = docs.find((d) => d.size + statementSize <= splitMax);
      if (!doc) {
        doc = { policy: new IdentityPolicy(), size: 0 };
        docs.push(doc);
      }
      doc.policy.add(s);
      doc.size += statementSize;
    }
    this.statements = kept;
    return docs.map((d) => d.policy);
  }

  /** The statements as the template has them, before resolving (repeats kept). */
  statementJson(): StatementJson[] {
    return this.statements.map((s) => ({ Action: bareOrList(s.actions), Effect: 'Allow', Resource: bareOrList(s.resources) }));
  }

  resolve(context: IResolveContext): unknown {
    context.registerPostProcessor(WITHOUT_REPEATS);
    return { Statement: this.statementJson(), Version: '2012-10-17' };
  }

  toString(): string {
    return Token.asString(this, { displayHint: 'IdentityPolicy' });
  }
}
