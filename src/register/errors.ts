/**
 * The register readers' input errors. They are defined beside the engine's input types
 * (monitoring/input-errors.ts) because the engine raises one too (codes missing from the code
 * table) and monitoring imports nothing from the readers; register code keeps importing them here.
 */
export * from '../monitoring/input-errors.ts';
