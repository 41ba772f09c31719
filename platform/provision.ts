/**
 * `npm run provision`: finds or installs the Temporal dev server and time-skipping test server
 * (see temporal-binaries.ts) and says where they are. `.ci/run` calls it before the tests.
 */
import { resolveTemporalExecutable } from './temporal-binaries';

for (const kind of ['dev-server', 'time-skipping'] as const) {
  const resolved = resolveTemporalExecutable(kind, { log: (line) => console.log(`  ${line}`) });
  console.log(`${kind}: ${resolved.source}`);
}
