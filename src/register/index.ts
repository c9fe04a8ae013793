/**
 * Public API of register reading: the DREAM and eIndkomst readers, code tables and the streamed
 * loader that turns files into the engine's input (monitoring/types.ts MonitorInput).
 */
export { readParticipants, parseVisitation } from './participants.ts';
export { readBenefits } from './benefits.ts';
export { readHours } from './hours.ts';
export { addCode, defaultCodeTable, emptyCodeTable, readCodeTable } from './codetable.ts';
export { RegisterBuilder, buildRegisterData, type RegisterRows } from './builder.ts';
export { RegisterInputError, type Place, type RegisterErrorCode } from './errors.ts';
export { packPerson, unpackPerson } from './pack.ts';
export { loadMonitorInput, readRegister, type InputPaths, type RegisterPaths } from './load.ts';
export { keepCprHashes, keepCprs, type ReadOptions } from './person-key.ts';
export { fileSource, sourceOf, type RegisterInput } from './chunks.ts';
