#!/usr/bin/env node
// The app of a project's cdk.json (`"app": "npx lading-ecs-app"`): `npx cdk synth` / `npx cdk deploy` on the apps
// of ./apps, as `lading synth --target ecs` renders them (bin/ecs.ts).
require('./register');
require(require('./entry')('ecs'));
