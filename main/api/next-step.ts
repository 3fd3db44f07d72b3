import type { ApiContext } from './context';

/**
 * The part of a message that says what to do next, in the words of whoever asked: a command or flag for the CLI,
 * a button or page for the app (desktop or browser). The message itself stays the same for both.
 */
export function nextStep(ctx: Pick<ApiContext, 'transport'>, ways: { cli: string; app: string }): string {
  return ctx.transport === 'cli' ? ways.cli : ways.app;
}
