import { CfnResource, type IResolvable, type IResolveContext, Reference, Stack, Token, Tokenization } from 'aws-cdk-lib';

/**
 * Before writing templates, aws-cdk-lib resolves every element once, whole, only to find the references among them
 * (`prepareApp`: a reference to another stack becomes an export and an import). For a resource that is most of
 * the synth's work spent twice. A resource given `scanReferencesOnly` answers that pass with the tokens its
 * properties, policies, metadata and overrides hold, found by a plain walk in the order aws-cdk-lib's walk meets
 * them; resolving those finds every reference (tokens inside a token's value are resolved with it). A reference
 * that an earlier resource of the same stack already gave is left out: aws-cdk-lib makes one export and one import
 * per reference and consuming stack, so the first is all it needs, and the exports come out in the same order.
 * The templates are resolved whole, as before. aws-cdk-lib's debug mode (`CDK_DEBUG`), which records in that pass
 * where each property was assigned, gets the whole resource.
 */
function scanReferencesOnly(resource: CfnResource): void {
  const whole = resource._toCloudFormation.bind(resource);
  // protected in aws-cdk-lib: false for a resource that a condition or an override leaves out of the template
  const synthesized = () => (resource as unknown as { shouldSynthesize(): boolean }).shouldSynthesize();
  const answer = {
    resolve: (context: IResolveContext) => (context.preparing && !debugMode() ? (synthesized() ? tokensOf(resource) : []) : whole()),
  };
  Object.defineProperty(resource, '_toCloudFormation', { value: () => answer });
}

/** `scanReferencesOnly` for every resource of a built stack. */
export function scanReferencesIn(stack: Stack): void {
  for (const c of stack.node.findAll()) if (CfnResource.isCfnResource(c)) scanReferencesOnly(c);
}

/** The references each stack's resources already gave. */
const given = new WeakMap<Stack, Set<Reference>>();

function tokensOf(resource: CfnResource): IResolvable[] {
  const found: IResolvable[] = [];
  const options = resource.cfnOptions;
  const { cfnProperties, rawOverrides } = resource as unknown as { cfnProperties: unknown; rawOverrides: unknown };
  // the order of CfnResource's own rendering: properties, policies, metadata, then the overrides merged over them
  for (const part of [cfnProperties, options.creationPolicy, options.updatePolicy, options.metadata, rawOverrides]) collect(part, found);
  const stack = resource.stack;
  let seen = given.get(stack);
  if (!seen) given.set(stack, (seen = new Set()));
  const out: IResolvable[] = [];
  for (const token of found) {
    if (token instanceof Reference) {
      if (seen.has(token)) continue;
      seen.add(token);
    }
    out.push(token);
  }
  return out;
}

function collect(value: unknown, found: IResolvable[]): void {
  if (typeof value === 'string') {
    // as aws-cdk-lib's resolve reads a string: only one that names a token can hold one
    if (value.includes('Token[')) found.push(...Tokenization.reverseString(value).tokens);
  } else if (typeof value === 'number') {
    // a number token is encoded as a number of this size (resolve reads it so too)
    if (!(value > -1e287 && value < 1e287)) {
      const token = Tokenization.reverseNumber(value);
      if (token) found.push(token);
    }
  } else if (Array.isArray(value)) {
    // a list token is a list of one encoded string
    const list = Token.isUnresolved(value) ? Tokenization.reverseList(value) : undefined;
    if (list) found.push(list);
    else for (const item of value) collect(item, found);
  } else if (value !== null && typeof value === 'object') {
    if (Tokenization.isResolvable(value)) {
      found.push(value);
      return;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key.includes('Token[')) collect(key, found);
      collect(record[key], found);
    }
  }
}

/** aws-cdk-lib's own reading of `CDK_DEBUG`. */
function debugMode(): boolean {
  return ['1', 'on', 'true'].includes((process.env.CDK_DEBUG ?? '').toLowerCase());
}
