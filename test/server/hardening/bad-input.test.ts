/**
 * HTTP bad input: every route of the OpenAPI document is called with missing, wrong-typed, oversized and malicious
 * values. The server must always answer a JSON 4xx error with a code (or a success for inputs that are merely odd),
 * never a 5xx; odd-but-valid strings must come back literally.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, DEMO, type TestApp } from '../../support/test-app.js';

const MALICIOUS = [
  "' OR 1=1; DROP TABLE users; --",
  '<script>alert("x")</script><img src=x onerror=alert(1)>',
  '{{constructor.constructor("return process")()}}',
  '\u0000nul\u0000',
  '\ud800 lone surrogate',
  'RTL \u202e override',
  'zero\u200bwidth',
  '👩🏽‍🌾 émoji « guillemets » l’élu·e',
  '../../../../etc/passwd',
  '%00%2e%2e%2f',
  '__proto__',
];

const WRONG_TYPES: unknown[] = [null, 42, true, [], {}, 'x'.repeat(100_000), -1, 1e308];

type Op = { method: string; path: string; hasBody: boolean; stream: boolean; bodyProps: string[]; maxBody: number };

let t: TestApp;
let token: string;
let ops: Op[];
let ids: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ full: true });
  token = (await t.login(DEMO.admin)).token;
  const doc = (await t.request('GET', '/api/openapi.json')).json;
  ops = [];
  for (const [path, methods] of Object.entries<Record<string, any>>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(methods)) {
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const stream = Object.values<any>(op.responses ?? {}).some((r) => r?.content?.['text/event-stream']);
      ops.push({ method: method.toUpperCase(), path: `/api${path}`, hasBody: !!op.requestBody, stream, bodyProps: Object.keys(schema?.properties ?? {}), maxBody: op['x-max-body-bytes'] ?? 1024 * 1024 });
    }
  }
  const project = t.demoProject();
  const documentId = (await t.request('POST', `/api/projects/${project.id}/documents`, { token, body: { kind: 'note', title: 'Note' } })).json.id;
  const versionId = (await t.request('POST', `/api/documents/${documentId}/versions`, { token, body: { label: 'Version' } })).json.id;
  ids = { projectId: project.id, territoryId: project.territoryId, communeId: t.communeByInsee('83080').id, userId: t.userByEmail(DEMO.observer).id, documentId, versionId };
});

/** Percent-encodes a value; a lone surrogate (not encodable) becomes an invalid UTF-8 sequence on purpose. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

function fill(path: string, override?: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => encode(override ?? ids[name] ?? 'inconnu'));
}

async function call(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const res = await t.request(method, path, { token, body, headers });
  return res;
}

function assertClean(res: { status: number; json: any; text: string }, label: string) {
  expect(res.status, `${label} → ${res.status} ${res.text.slice(0, 200)}`).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.json?.error?.code, `${label}: error code`).toMatch(/^[a-z_]+$/);
    expect(typeof res.json?.error?.message, `${label}: error message`).toBe('string');
  }
}

afterAll(() => t.close());

describe('HTTP bad input on every OpenAPI route', () => {
  it('malicious path parameters never cause a 5xx', async () => {
    let tried = 0;
    for (const op of ops.filter((o) => !o.stream && o.path.includes('{'))) {
      for (const value of [...MALICIOUS, 'x'.repeat(5000)]) {
        const res = await call(op.method, fill(op.path, value), op.hasBody ? {} : undefined);
        assertClean(res, `${op.method} ${op.path} [${value.slice(0, 20)}]`);
        tried++;
      }
    }
    console.log(`bad input: ${tried} malicious path parameters`);
    expect(tried).toBeGreaterThan(100);
  });

  it('missing, malformed, wrong-typed and oversized bodies are 4xx JSON errors', async () => {
    let tried = 0;
    for (const op of ops.filter((o) => o.hasBody && !o.stream)) {
      const path = fill(op.path);
      const cases: [string, unknown, Record<string, string>?][] = [
        ['no body', undefined],
        ['malformed JSON', '{"a":', { 'content-type': 'application/json' }],
        ['array body', [1, 2, 3]],
        ['text/plain', 'bonjour', { 'content-type': 'text/plain' }],
        ['huge body', { blob: 'x'.repeat(op.maxBody + 1024) }],
      ];
      for (const prop of op.bodyProps) {
        for (const wrong of WRONG_TYPES) cases.push([`${prop}=${JSON.stringify(wrong)?.slice(0, 15)}`, { [prop]: wrong }]);
        for (const bad of MALICIOUS) cases.push([`${prop}=${bad.slice(0, 15)}`, { [prop]: bad }]);
      }
      for (const [label, body, headers] of cases) {
        const res = await call(op.method, path, body, headers);
        assertClean(res, `${op.method} ${op.path} ${label}`);
        if (label === 'huge body') expect(res.status).toBe(413);
        tried++;
      }
    }
    console.log(`bad input: ${tried} bad bodies over ${ops.filter((o) => o.hasBody).length} routes with a body (${ops.length} routes in all)`);
    expect(tried).toBeGreaterThan(200);
  });

  it('stored strings come back literally; malformed Unicode is refused rather than altered', async () => {
    const wellFormed = MALICIOUS.filter((m) => !m.includes('\ud800'));
    const title = wellFormed.slice(0, 3).join(' ').slice(0, 190);
    const created = await call('POST', '/api/projects', { territoryId: ids.territoryId, title, description: wellFormed.join('\n'), domains: ['culture'] });
    expect(created.status).toBe(201);
    const back = (await call('GET', `/api/projects/${created.json.id}`)).json;
    expect(back.title).toBe(title);
    expect(back.description).toBe(wellFormed.join('\n'));
    const lone = await call('POST', '/api/projects', { territoryId: ids.territoryId, title: 'Surrogate \ud800 seul', domains: ['culture'] });
    expect(lone.status).toBe(400);
    expect(lone.json.error.code).toBe('invalid_unicode');
  });
});
