export { callFunction } from './call-function.ts';
export type { CallError, CallErrorCode, FunctionRunner, ResponseSchema } from './call-function.ts';
export { errorViewFrom } from './error-view.ts';
export type { ErrorView, Wording } from './error-view.ts';
