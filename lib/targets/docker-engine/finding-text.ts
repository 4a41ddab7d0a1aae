/**
 * A diagnostic's words, in the order `Reporter.report` takes them after the path. The Docker-engine targets share
 * the words of a finding the engine has the same way under each, and report it with their own code.
 */
export type FindingText = readonly [message: string, fix: string];
