/**
 * Validation errors are French end to end, including zod's own messages (a literal, a bound, a type), never
 * « Invalid input » — here through a real route: the project import, whose file format is a literal.
 */
import { describe, it, expect } from 'vitest';
import { createTestApp } from '../support/test-app.js';

describe('validation messages', () => {
  it('answers a malformed body with a French message and French details', async () => {
    const t = await createTestApp();
    const { token } = await t.login('admin@demo.mutualab.fr');
    const res = await t.request('POST', '/api/projects/import', { token, body: { format: 'autre', formatVersion: 'un' } });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_error');
    expect(res.json.error.message).toMatch(/^Donnée invalide \(format\) : Entrée invalide/);
    const messages = (res.json.error.details as { message: string }[]).map((d) => d.message).join(' | ');
    expect(messages).not.toMatch(/Invalid input|expected|received|Too (small|big)/);
    expect(messages).toMatch(/attendu/);
  });
});
