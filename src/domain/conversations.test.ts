import { describe, expect, it } from 'vitest';
import { makeConversationSchema } from './conversations.ts';

const schema = makeConversationSchema('2024-05-10');
const ok = {
  date: '2024-05-10',
  kind: 'hjemmebesoeg',
  participants: 'Borger, sagsbehandler, tolk',
  interpreterUsed: 'on',
  note: 'Aftalt snusepraktik.',
};

describe('conversation schema', () => {
  it('accepts a conversation today, with interpreter checkbox', () => {
    const r = schema.parse(ok);
    expect(r.interpreterUsed).toBe(true);
    expect(r.kind).toBe('hjemmebesoeg');
  });
  it('rejects a date after today with a Danish message naming today', () => {
    expect(schema.safeParse({ ...ok, date: '2024-05-11' }).error?.issues[0].message).toBe(
      'Samtalen kan ikke ligge i fremtiden (senest 10.5.2024).',
    );
  });
  it('allows a note of 2000 characters, not 2001', () => {
    expect(schema.safeParse({ ...ok, note: 'x'.repeat(2000) }).success).toBe(true);
    expect(schema.safeParse({ ...ok, note: 'x'.repeat(2001) }).error?.issues[0].message).toMatch(/2000 tegn/);
  });
  it('rejects an unknown kind and defaults interpreter to false', () => {
    expect(schema.safeParse({ ...ok, kind: 'telefon' }).error?.issues[0].message).toMatch(/samtaletype/);
    const { interpreterUsed: _i, ...noInterp } = ok;
    expect(schema.parse(noInterp).interpreterUsed).toBe(false);
  });
});
