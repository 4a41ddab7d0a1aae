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
  private readonly statements: AllowStatement[] = [];

  add(statement: AllowStatement): void {
    this.statements.push(statement);
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
