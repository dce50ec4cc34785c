export type { Result } from './result.ts';
export { err, ok } from './result.ts';
