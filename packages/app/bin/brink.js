#!/usr/bin/env node
// The `brink` command. The sources are TypeScript run through tsx (see docs/decisions/0001-no-build-step.md).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
