/**
 * `npm run build:workflows` (part of `npm run build`): bundles the compiled workflows once, at build
 * time, into dist/workflow-bundle.js, which the compiled worker loads instead of running webpack at
 * every start (workers/worker.ts loadWorkflowBundle).
 */
import fs from 'node:fs';
import { runProcess } from '../platform/process';
import { bundleWorkflows, WORKFLOW_BUNDLE_PATH } from './worker';

async function main() {
  const { code } = await bundleWorkflows();
  fs.writeFileSync(WORKFLOW_BUNDLE_PATH, code);
  console.log(`workflow bundle: ${WORKFLOW_BUNDLE_PATH} (${Math.round(code.length / 1024)} KB)`);
}

runProcess(main);
