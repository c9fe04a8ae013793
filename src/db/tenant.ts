/**
 * The shape of a person's id. Every look-up by id checks it first, so a malformed id is refused
 * (and recorded) without reaching PostgreSQL's uuid parser. Tenant transactions are `door` in
 * db/door.ts.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);
