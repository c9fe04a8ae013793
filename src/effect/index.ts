/**
 * Public API of the effect engine (contract `effekt-2026.1`, ../shared/spec/effect.md).
 */
export * from './types.ts';
export { effect, effectDetails, effectSettings, EffectOptionError, kommuneKey, type EffectDetails } from './engine.ts';
export { SUPPORT_CATEGORIES } from './facts.ts';
