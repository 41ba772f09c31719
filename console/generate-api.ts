/**
 * `npm run console:api`: the console's typed client comes from the API's own OpenAPI document
 * (openapi-typescript), so a changed endpoint breaks the console's type check, not its users.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Client } from '@temporalio/client';
import openapiTS, { astToString } from 'openapi-typescript';
import { createApp } from '../api/app';
import { loadConfig } from '../platform/config';
import type { Db } from '../platform/db';
import { createLogger } from '../platform/logger';

async function main() {
  // Routes only describe themselves here: nothing touches the database or Temporal.
  const app = createApp({
    db: {} as Db,
    temporal: {} as Client,
    config: loadConfig({}),
    logger: createLogger('openapi', 'silent'),
    operatorKey: 'bmo_document_only_0123456789',
    outbox: { wake: () => undefined },
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  const document = await (await fetch(`http://127.0.0.1:${port}/openapi.json`)).json();
  server.close();
  const ast = await openapiTS(document);
  const out = path.join(__dirname, 'src', 'api', 'schema.d.ts');
  const banner = '// Generated from /openapi.json by `npm run console:api` — do not edit.\n';
  fs.writeFileSync(out, banner + astToString(ast));
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
