import type { ParseArgsConfig } from 'node:util';
import type { ApiContext } from '../api/context';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

export interface CommandRun {
  ctx: ApiContext;
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  io: CliIo;
  json: boolean;
  /** Calls the API table; an error envelope becomes a CliError with the right exit code. */
  call<T = unknown>(method: string, input: unknown): Promise<T>;
  /** A flag the command requires: a missing one is a usage error (exit 2). */
  required(flag: string): string;
  optional(flag: string): string | undefined;
}

export interface Command {
  /** Words after `genlog`, e.g. "production add". */
  name: string;
  usage: string;
  summary: string;
  options: OptionSpec;
  /** What a flag does and its default, printed beside it by `genlog COMMAND --help`. */
  optionHelp?: Record<string, string>;
  /** Exact count of positional arguments, or 'some' for one or more. Default none. */
  positionals?: number | 'some';
  /**
   * False for commands that work on files alone (packet verify): they must not create or need a database. 'existing'
   * for commands about a log that must already be there (db check, db backup): they never create one.
   */
  needsDb?: boolean | 'existing';
  /**
   * Who reads the API's messages: 'cli' (default) gets commands and flags as next steps; `serve` answers a browser,
   * which gets pages and buttons.
   */
  transport?: 'cli' | 'http';
  /** Commands like `serve` manage their own lifetime and output. */
  run(r: CommandRun): Promise<unknown>;
  /** Human rendering of the result for stdout; omitted -> nothing printed but a stderr summary. */
  human?(value: never): string;
}

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

export const usageError = (m: string) => new CliError(m, 2);
