/**
 * An analyst's code mappings go through the system door (D13 of issue 10): saving the mappings of
 * a waiting upload and correcting a mapping each write their audit record through the door, in
 * the same transaction as the mapping: one `kode_tilknyttet` per mapped code, one `kode_rettet`
 * per correction, by the analyst, naming the mapping; nothing saved and nothing recorded when the
 * upload is not hers or the code has no mapping to correct.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/core/actor.ts';
import { correctMapping, insertPendingUpload, saveUploadMappings } from '../src/db/register-code-mappings.ts';
import { backends, openTestDb, type TestDb } from './helpers/db.ts';

const JOB = '0b5b3c3e-1111-4222-8333-444455556666';

describe.each(backends())('code mappings through the system door on %s', (backend) => {
  let t: TestDb;
  let analyst: Actor;
  beforeAll(async () => {
    t = await openTestDb(backend);
    const u = (
      await t.db.query<{ id: number; username: string; organisation_id: number }>(
        `SELECT id, username, organisation_id FROM app_user WHERE role = 'analytiker' ORDER BY id LIMIT 1`,
      )
    ).rows[0];
    analyst = {
      userId: u.id,
      username: u.username,
      displayName: 'Analytiker',
      role: 'analytiker',
      organisationId: u.organisation_id,
      organisationName: 'Styrelsen',
      organisationKind: 'styrelse',
      municipalities: [],
      municipalityNames: [],
      ip: '127.0.0.1',
    };
  });
  afterAll(async () => {
    await t?.cleanup();
  });

  const records = async (action: string) =>
    (
      await t.db.query<{ username: string; entity: string; detail: Record<string, unknown> }>(
        'SELECT username, entity, detail FROM audit_log WHERE action = $1 ORDER BY id',
        [action],
      )
    ).rows;
  const mappingIds = async (code: number) =>
    (await t.db.query<{ id: number }>('SELECT id FROM register_code_mapping WHERE code = $1 ORDER BY id', [code])).rows.map((r) => r.id);

  it('saves the mappings of her waiting upload with one audit record per code, and nothing for an upload that is not hers', async () => {
    await insertPendingUpload(t.db, {
      jobId: JOB,
      userId: analyst.userId,
      kind: 'ydelser',
      fileName: 'uge5.csv',
      path: 'pending/uge5.csv',
      instance: 'test',
      unknown: [
        { code: 4711, weeks: 3, people: 2 },
        { code: 4712, weeks: 1, people: 1 },
      ],
    });
    const other = { ...analyst, userId: analyst.userId + 1000 };
    expect(await saveUploadMappings(t.db, other, JOB, [{ code: 4711, category: 'ydelse', reason: 'ikke hendes' }])).toBeUndefined();
    expect(await mappingIds(4711)).toEqual([]);
    expect(await records('kode_tilknyttet')).toEqual([]);

    const pending = await saveUploadMappings(t.db, analyst, JOB, [
      { code: 4711, category: 'ydelse', reason: 'ny ydelse' },
      { code: 4712, category: 'udgaaet', reason: 'ophør' },
      { code: 9999, category: 'ydelse', reason: 'ikke i filen' },
    ]);
    expect(pending?.jobId).toBe(JOB);
    const [m4711] = await mappingIds(4711);
    const [m4712] = await mappingIds(4712);
    expect(await mappingIds(9999)).toEqual([]);
    expect(await records('kode_tilknyttet')).toEqual([
      {
        username: analyst.username,
        entity: 'register_code_mapping',
        detail: {
          mappingId: m4711,
          code: 4711,
          category: 'ydelse',
          reason: 'ny ydelse',
          fileName: 'uge5.csv',
          weeks: 3,
          people: 2,
          jobId: JOB,
          replaces: null,
        },
      },
      {
        username: analyst.username,
        entity: 'register_code_mapping',
        detail: {
          mappingId: m4712,
          code: 4712,
          category: 'udgaaet',
          reason: 'ophør',
          fileName: 'uge5.csv',
          weeks: 1,
          people: 1,
          jobId: JOB,
          replaces: null,
        },
      },
    ]);
    // The upload no longer waits: a second save finds nothing and records nothing.
    expect(await saveUploadMappings(t.db, analyst, JOB, [{ code: 4711, category: 'ydelse', reason: 'igen' }])).toBeUndefined();
    expect(await records('kode_tilknyttet')).toHaveLength(2);
  });

  it('records a correction as kode_rettet naming the new mapping and the one it replaces; nothing for a code without a mapping', async () => {
    expect(await correctMapping(t.db, analyst, { code: 4713, category: 'ydelse', reason: 'ingen' })).toBe(false);
    expect(await records('kode_rettet')).toEqual([]);

    const [before] = await mappingIds(4711);
    expect(await correctMapping(t.db, analyst, { code: 4711, category: 'udgaaet', reason: 'rettet' })).toBe(true);
    const [, after] = await mappingIds(4711);
    expect(await records('kode_rettet')).toEqual([
      {
        username: analyst.username,
        entity: 'register_code_mapping',
        detail: {
          mappingId: after,
          code: 4711,
          category: 'udgaaet',
          reason: 'rettet',
          replaces: { mappingId: before, category: 'ydelse', reason: 'ny ydelse' },
        },
      },
    ]);
    const rows = (
      await t.db.query<{ id: number; replaced_by: number | null; file_name: string; weeks: number; mapped_by: number }>(
        'SELECT id, replaced_by, file_name, weeks, mapped_by FROM register_code_mapping WHERE code = 4711 ORDER BY id',
      )
    ).rows;
    expect(rows).toEqual([
      { id: before, replaced_by: after, file_name: 'uge5.csv', weeks: 3, mapped_by: analyst.userId },
      { id: after, replaced_by: null, file_name: 'uge5.csv', weeks: 3, mapped_by: analyst.userId },
    ]);
  });
});
