/**
 * HTTP fuzzing (SPEC §7: no input, however malformed, gets a 5xx). fast-check builds requests for
 * every route of the OpenAPI document — path parameters (raw, undecodable and NUL bytes included),
 * query strings, headers and bodies shaped by the route's own schema, then bent — and sends them to
 * the real platform as an operator, a merchant, a stranger and nobody. Every answer must be below
 * 500 and every 4xx in the one error shape; `/health` must still answer 200 afterwards.
 *
 * `FUZZ_RUNS=20000 npx jest --runInBand test/e2e/fuzz.test.ts` runs it longer (default 2,000).
 */
import fc from 'fast-check';
import { SIGNATURE_HEADER, sign } from '../../platform/signature';
import { activeContract, approvedTemplate, MESSAGING_SERVICES, type ActiveContract } from '../support/api-fixtures';
import { OPERATOR_KEY, startTestPlatform, type TestPlatform } from '../support/platform';
import { testConfig } from '../support/worker';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2_000);
const reportSecret = testConfig().providers.reportSecret;

interface Schema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  prefixItems?: Schema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | Schema;
  example?: unknown;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

interface Route {
  method: string;
  path: string;
  operation: Operation;
}

interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

let platform: TestPlatform;
let doc: Document;
let merchant: ActiveContract;
/** Ids that exist, so some requests get past the lookups into the handlers. */
let knownIds: string[];

beforeAll(async () => {
  platform = await startTestPlatform({ settings: { RATE_LIMIT_PER_SECOND: '0' } });
  doc = (await platform.api.call('GET', '/openapi.json')).body;
  merchant = await activeContract(platform.api, {
    services: {
      ...MESSAGING_SERVICES,
      paymentNotice: { merchant: { approval: true, cancel: true }, buyer: { approval: true, cancel: true } },
    },
    receiverNumbers: ['010-2222-3333'],
    mids: ['FUZZMID01'],
  });
  await approvedTemplate(platform.api, merchant.merchant.apiKey, 'FUZZ', '#{name}님 안녕하세요');
  const sent = await platform.api.call('POST', '/v1/messages', {
    key: merchant.merchant.apiKey,
    body: { type: 'sms', to: '010-4444-5555', text: '퍼즈 테스트' },
  });
  knownIds = [merchant.merchant.id, merchant.contractId, ...merchant.senderNumberIds, sent.body.id, 'FUZZ'];
});

afterAll(async () => {
  await platform?.close();
});

// --- values ---

/** Strings that have broken parsers, databases and encoders before. */
const NASTY = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff\ud800',
  '\uffff',
  '\u202e',
  '😀',
  '가'.repeat(3_000),
  'x'.repeat(70_000),
  "'; drop table merchants; --",
  '../../etc/passwd',
  '%00',
  '%ED%A0%80',
  '-1',
  '1e309',
  'NaN',
  'null',
  '{}',
  '[]',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59+14:00',
  '2026-02-30',
  '0000-00',
  '9999-99',
  'http://127.0.0.1:1/',
  'file:///etc/passwd',
];

const anyChar = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const nastyString = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.string({ unit: anyChar, maxLength: 50 }),
);
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), nastyString);

const isoTime = fc
  .record({
    year: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 2020, max: 2030 })),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    offset: fc.constantFrom('Z', '+09:00', '-12:00', '+14:00'),
  })
  .map(
    ({ year, month, day, offset }) =>
      `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T00:00:00${offset}`,
  );

/** Cursors that decode (base64url JSON), so the positions inside them reach the queries. */
const cursorLike = fc
  .oneof(fc.array(nastyString, { maxLength: 3 }), anyJson)
  .map((v) => Buffer.from(JSON.stringify(v) ?? 'null', 'utf8').toString('base64url'));

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  return doc.components?.schemas?.[name] ?? {};
}

/** A value shaped like `schema` most of the time, anything at all the rest. */
function valueFor(raw: Schema | undefined, depth = 0, name = ''): fc.Arbitrary<unknown> {
  if (!raw || depth > 4) return anyJson;
  const schema = resolve(raw);
  return fc.oneof({ weight: 12, arbitrary: shapedValue(schema, depth, name) }, { weight: 1, arbitrary: anyJson });
}

function shapedValue(schema: Schema, depth: number, name: string): fc.Arbitrary<unknown> {
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices?.length) return fc.oneof(...choices.map((s) => valueFor(s, depth + 1, name)));
  if (schema.allOf?.length) return valueFor(schema.allOf[0], depth + 1, name);
  if (schema.enum?.length) return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...schema.enum) }, nastyString);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const props = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valueFor(s, depth + 1, k)]));
      return fc
        .tuple(
          fc.record(model, { requiredKeys: schema.required?.filter((k) => k in props) ?? [] }),
          fc.option(fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 2 }), { freq: 4 }),
        )
        .map(([value, extra]) => ({ ...(extra ?? {}), ...value }));
    }
    case 'array':
      return fc.array(valueFor(schema.items, depth + 1, name), { maxLength: 4 });
    case 'integer':
    case 'number':
      return fc.oneof(
        fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 1_000_000 }),
        fc.constantFrom(0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308),
      );
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringFor(schema, name);
    default:
      return anyJson;
  }
}

function stringFor(schema: Schema, name: string): fc.Arbitrary<string> {
  const likely: fc.Arbitrary<string>[] = [];
  if (schema.format === 'date-time' || /At$|since|until/.test(name)) likely.push(isoTime);
  if (schema.format === 'date' || /date/i.test(name)) likely.push(isoTime.map((t) => t.slice(0, 10)));
  if (schema.format === 'uri' || /url/i.test(name)) likely.push(fc.webUrl(), fc.constant('http://127.0.0.1:9/'));
  if (name === 'cursor') likely.push(cursorLike);
  if (/id$/i.test(name) || name === 'code') likely.push(fc.constantFrom(...knownIds));
  if (/number|^to$|^from$|phone/i.test(name))
    likely.push(fc.stringMatching(/^01[016789]-?\d{3,4}-?\d{4}$/), fc.constant('010-4444-5555'));
  if (/period/.test(name)) likely.push(fc.stringMatching(/^\d{4}-\d{2}$/));
  if (/base64/i.test(name)) likely.push(fc.base64String({ maxLength: 200 }));
  if (typeof schema.example === 'string') likely.push(fc.constant(schema.example));
  const plain = fc.string({ minLength: schema.minLength, maxLength: Math.min(schema.maxLength ?? 30, 30) });
  return fc.oneof(
    { weight: 4, arbitrary: likely.length ? fc.oneof(...likely) : plain },
    { weight: 2, arbitrary: plain },
    { weight: 1, arbitrary: nastyString },
  );
}

// --- requests ---

/** Percent-encodes the UTF-8 bytes (lone surrogates become U+FFFD, as a client would send them). */
const encode = (s: string) =>
  [...Buffer.from(s, 'utf8')]
    .map((b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16)}`))
    .join('');
const RAW_SEGMENTS = ['%ED%A0%80', '%00', '%', '%zz', '%C0%AF', '%FF%FE', 'a%2Fb', '%E4%B8', '..', '.'];
const segment = (value: fc.Arbitrary<unknown>) =>
  fc.oneof(
    // Generated objects may have no prototype (no toString): they travel as JSON text.
    { weight: 4, arbitrary: value.map((v) => encode(typeof v === 'string' ? v : (JSON.stringify(v) ?? 'undefined'))) },
    fc.constantFrom(...RAW_SEGMENTS),
  );

/** `value` in one request of ten, else `otherwise`. */
const rarely = <T>(value: fc.Arbitrary<T>, otherwise: T | null = null) =>
  fc.oneof({ weight: 9, arbitrary: fc.constant(otherwise) }, { weight: 1, arbitrary: value });

const headerText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) });

function requestFor(route: Route) {
  const params = route.operation.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const bodySchema = route.operation.requestBody?.content['application/json']?.schema;
  return fc.record({
    route: fc.constant(route),
    path: fc.tuple(...pathParams.map((p) => segment(valueFor(p.schema, 0, p.name)))),
    query: fc.oneof(
      fc.tuple(
        ...queryParams.map((p) => fc.option(segment(valueFor(p.schema, 0, p.name)), { freq: 2 })),
        fc.option(fc.tuple(segment(nastyString), segment(nastyString)), { freq: 3 }),
      ),
      fc.constantFrom('%ED%A0%80', '%00=%00', 'limit=%00', 'cursor=%FF', 'a[b]=1&a[b]=2', '&&=&', 'limit=1&limit=2'),
    ),
    /** Carrier reports: signed with the platform's report secret, so they get past the signature check. */
    signed: fc.boolean(),
    key: fc.constantFrom<'operator' | 'merchant' | 'stranger' | 'none'>(
      'operator',
      'merchant',
      'operator',
      'merchant',
      'stranger',
      'none',
    ),
    headers: fc.record({
      'content-type': rarely(
        fc.constantFrom('text/plain', 'application/json; charset=latin1', 'application/json; charset=utf-16'),
        'application/json',
      ),
      'content-encoding': rarely(fc.constantFrom('gzip', 'br', 'deflate', 'x-unknown')),
      'idempotency-key': rarely(fc.oneof(headerText, fc.constant('k'.repeat(300)))),
      'bizmsg-merchant-id': rarely(fc.oneof(headerText, fc.constantFrom(...knownIds))),
    }),
    body: bodySchema
      ? fc.oneof(
          { weight: 6, arbitrary: valueFor(bodySchema).map((v) => JSON.stringify(v) ?? 'null') },
          {
            weight: 1,
            arbitrary: fc.constantFrom('{', '{"a":', '\u0000', '[1,2', 'null', '"\\ud800"', '{"__proto__":{}}'),
          },
          { weight: 1, arbitrary: fc.constant(undefined) },
        )
      : fc.constant(undefined),
  });
}

type FuzzRequest = ReturnType<typeof requestFor> extends fc.Arbitrary<infer R> ? R : never;

function urlOf(r: FuzzRequest): string {
  let i = 0;
  const path = r.route.path.replace(/\{[^}]+\}/g, () => r.path[i++] as string);
  const q = r.query;
  const query =
    typeof q === 'string'
      ? q
      : [
          ...(r.route.operation.parameters ?? [])
            .filter((p) => p.in === 'query')
            .map((p, j) => (q[j] === null ? null : `${p.name}=${q[j]}`)),
          ...(q.at(-1) ? [`${(q.at(-1) as string[])[0]}=${(q.at(-1) as string[])[1]}`] : []),
        ]
          .filter((x) => x !== null)
          .join('&');
  return query ? `${path}?${query}` : path;
}

async function send(r: FuzzRequest) {
  const keys = { operator: OPERATOR_KEY, merchant: merchant.merchant.apiKey, stranger: 'bmk_not_a_key', none: null };
  const key = keys[r.key];
  const headers: Record<string, string> = { ...(key ? { authorization: `Bearer ${key}` } : {}) };
  for (const [name, value] of Object.entries(r.headers)) if (value !== null) headers[name] = value;
  if (r.body === undefined) delete headers['content-encoding'];
  if (r.signed && r.body !== undefined) headers[SIGNATURE_HEADER] = sign(reportSecret, r.body);
  const res = await fetch(platform.api.url + urlOf(r), { method: r.route.method, headers, body: r.body });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: checked below
  }
  return { status: res.status, body };
}

const ERROR_SHAPE = expect.objectContaining({
  error: expect.objectContaining({ code: expect.stringMatching(/^[a-z][a-z0-9_]*$/), message: expect.any(String) }),
});

const stats = new Map<string, number>();
describe('HTTP fuzzing', () => {
  it(`answers ${RUNS} random and malformed requests over every route without a 5xx, every 4xx in the error shape`, async () => {
    const routes: Route[] = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        operation,
        // Counterexamples name the route, not its whole OpenAPI operation.
        [fc.toStringMethod]: () => `${method.toUpperCase()} ${path}`,
      })),
    );
    expect(routes.length).toBeGreaterThan(30);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes).chain((route) => requestFor(route)),
        async (r) => {
          const res = await send(r);
          if (process.env.FUZZ_STATS)
            stats.set(
              `${r.route.method} ${r.route.path} ${res.status}`,
              (stats.get(`${r.route.method} ${r.route.path} ${res.status}`) ?? 0) + 1,
            );
          const seen = `${r.route.method} ${urlOf(r).slice(0, 300)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
          if (res.status >= 500) throw new Error(`server error: ${seen}`);
          if (res.status >= 400) expect({ seen, body: res.body }).toEqual({ seen, body: ERROR_SHAPE });
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
    if (process.env.FUZZ_STATS)
      console.log(
        [...stats]
          .sort()
          .map(([k, v]) => `${k}: ${v}`)
          .join('\n'),
      );
    const health = await platform.api.call('GET', '/health');
    expect(health.status).toBe(200);
  });
});
