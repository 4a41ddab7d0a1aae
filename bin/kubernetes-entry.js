#!/usr/bin/env node
// The app of a project's cdk8s.yaml (`app: npx lading-kubernetes-app`): `npx cdk8s synth` writes
// dist/kubernetes/<app>.k8s.yaml for the apps of ./apps, as `lading synth --target kubernetes` does (bin/kubernetes.ts).
require('./register');
require(require('./entry')('kubernetes'));
