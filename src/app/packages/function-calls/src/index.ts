export { callFunction } from './call-function.ts';
export type { CallError, CallErrorCode, FunctionRunner, ResponseSchema } from './call-function.ts';
