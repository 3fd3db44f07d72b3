import type { z } from 'zod';
import type { ApiContext } from './context';

export interface MethodDef<S extends z.ZodType = z.ZodType, R = unknown> {
  input: S;
  /** Human summary used by `--help` style listings and the HTTP index. */
  summary: string;
  handler(ctx: ApiContext, input: z.output<S>): R | Promise<R>;
}

export function method<S extends z.ZodType, R>(
  input: S,
  summary: string,
  handler: (ctx: ApiContext, input: z.output<S>) => R | Promise<R>,
): MethodDef<S, R> {
  return { input, summary, handler };
}

export type InputOf<M> = M extends MethodDef<infer S, unknown> ? z.input<S> : never;
export type ResultOf<M> = M extends MethodDef<z.ZodType, infer R> ? Awaited<R> : never;
