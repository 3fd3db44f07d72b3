import { existsSync, lstatSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dispatch } from '../api/dispatch';
import { methodTable } from '../api/table';
import { createContext, type AppContext } from '../app-context';
import { resolveDbPath } from '../paths';
import { pathCodeInWords } from '../../db/connection';
import { CliError, usageError, type CliIo, type Command, type CommandRun, type OptionSpec } from './command';
import { terminalSafeWriter } from './terminal-safe';
import { ALL_COMMANDS } from './commands';

const GLOBAL_OPTIONS = { db: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

function helpText(): string {
  const lines = ALL_COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `genlog: the generative-AI asset log\n\nUsage: genlog [--db PATH] [--json] COMMAND ...\n\nCommands:\n${lines.join('\n')}\n\n` +
    'Global: --db PATH (else $GENLOG_DB, else the desktop app\'s database), --json (machine-readable stdout).\n' +
    'Exit codes: 0 success, 1 error, 2 usage error.\n';
}

/** `genlog log --help`: that command's usage, summary and options; `genlog watch --help`: the watch commands. */
function helpFor(words: string[]): string {
  const found = words.length ? findCommand(words) : undefined;
  if (found) {
    const c = found.command;
    const flag = ([name, spec]: [string, OptionSpec[string]]) => `--${name}${spec.type === 'string' ? ' VALUE' : ''}`;
    const width = Math.max(0, ...Object.entries(c.options).map((o) => flag(o).length));
    const flags = Object.entries(c.options).map((o) => {
      const said = c.optionHelp?.[o[0]];
      return said ? `  ${flag(o).padEnd(width)}  ${said}` : `  ${flag(o)}`;
    });
    return `Usage: ${c.usage}\n\n${c.summary}\n${flags.length ? `\nOptions:\n${flags.join('\n')}\n` : ''}` +
      '\nGlobal: --db PATH, --json. Run genlog --help for every command.\n';
  }
  const group = ALL_COMMANDS.filter((c) => words.length > 0 && c.name.split(' ')[0] === words[0]);
  if (group.length) return `${group.map((c) => `  ${c.usage}\n      ${c.summary}`).join('\n')}\n\nRun genlog --help for every command.\n`;
  return helpText();
}

/** Longest command name that prefixes argv wins: "production add" before "production". */
function findCommand(words: string[]): { command: Command; rest: string[] } | undefined {
  let best: { command: Command; rest: string[] } | undefined;
  for (const command of ALL_COMMANDS) {
    const parts = command.name.split(' ');
    if (parts.every((p, i) => words[i] === p) && (!best || parts.length > best.command.name.split(' ').length)) {
      best = { command, rest: words.slice(parts.length) };
    }
  }
  return best;
}

/** The arguments a command's usage names before its flags: ["FILE|DIR..."] for `genlog log FILE|DIR... --production …`. */
function argumentNames(c: Command): string[] {
  const words = c.usage.split(' ').slice(1 + c.name.split(' ').length);
  const flagsFrom = words.findIndex((w) => /^[-[(]/.test(w));
  return flagsFrom < 0 ? words : words.slice(0, flagsFrom);
}

function checkPositionals(c: Command, positionals: string[]): void {
  const want = c.positionals ?? 0;
  const ok = want === 'some' ? positionals.length > 0 : positionals.length === want;
  if (ok) return;
  const names = argumentNames(c).map((n) => n.replace(/\.\.\.$/, ' (one or more)'));
  const given = positionals.map((p) => `"${p}"`).join(' ');
  const why = positionals.length === 0 ? `missing ${names.join(' ')}`
    : want === 0 ? `${c.name} takes no arguments, got ${given}`
      : positionals.length < Number(want) ? `missing ${names.slice(positionals.length).join(' ')} (after ${given})`
        : `too many arguments: ${c.name} takes ${names.join(' ')}, got ${given}`;
  throw usageError(`${why}.\nUsage: ${c.usage}`);
}

export interface RunOptions {
  io?: CliIo;
  env?: NodeJS.ProcessEnv;
  /** Lets tests and `serve` keep the context alive after the command returns. */
  keepOpen?: boolean;
}

/** Node's parseArgs messages, cut to what a person needs ("Unknown option '--x'.", negative numbers as --limit=-7). */
function argsProblem(err: NodeJS.ErrnoException, argv: readonly string[]): string {
  const first = err.message.split('\n')[0] ?? err.message;
  const option = /Option '([^']+)'/.exec(first)?.[1] ?? /option '([^']+)'/i.exec(first)?.[1];
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `Unknown option '${option}'.`;
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /ambiguous/.test(first) && option) {
    // The value given, written the way that works: "--limit -7" is "--limit=-7".
    const given = argv[argv.indexOf(option) + 1];
    const value = given?.startsWith('-') ? given : '-1';
    return `Option '${option}' needs a value; a value starting with '-' is written ${option}=${value}.`;
  }
  return first;
}

/** "watch" alone, or "watch strat": the subcommands of that word are named; another word is not a command at all. */
function unknownCommand(words: readonly string[]): string {
  const group = ALL_COMMANDS.filter((c) => c.name.split(' ')[0] === words[0]).map((c) => c.name.split(' ').slice(1).join(' ')).filter(Boolean);
  if (group.length === 0) return `unknown command "${words.slice(0, 2).join(' ')}". Run genlog --help for the list.`;
  const which = `one of: ${group.join(', ')}. Run genlog ${words[0]} --help for each.`;
  return words.length === 1 ? `"${words[0]}" needs a subcommand, ${which}` : `unknown command "${words.slice(0, 2).join(' ')}": "${words[0]}" takes ${which}`;
}

/** "classification: classification must be …" (a field and a message naming it) reads as "classification must be …". */
function withoutRepeatedField(message: string): string {
  return message.replace(/(^|; )([\w.]+): (?=\2 )/g, '$1');
}

/** Why nothing is at a --db path, when it is more than "no such file": a link to nothing, a file on the way. */
function whyNoLogAt(dbPath: string): string | null {
  try {
    return lstatSync(dbPath, { throwIfNoEntry: false })?.isSymbolicLink() === true ? 'a symbolic link to nothing, or a loop of links' : null;
  } catch (error) {
    return pathCodeInWords((error as NodeJS.ErrnoException).code) ?? null;
  }
}

/** Runs one CLI invocation and returns its exit code; never calls process.exit so it can be tested in-process. */
export async function runCli(argv: string[], o: RunOptions = {}): Promise<number> {
  const raw = o.io ?? { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s) };
  // Everything printed may hold what a file says about itself (prompts, names): never raw control characters.
  const io: CliIo = { stdout: terminalSafeWriter(raw.stdout), stderr: terminalSafeWriter(raw.stderr) };
  const env = o.env ?? process.env;
  let ctx: AppContext | undefined;
  try {
    // Globals may appear anywhere; pull them out first so each command parses only its own flags.
    const globals = parseArgs({ args: argv, options: GLOBAL_OPTIONS, strict: false, allowPositionals: true });
    const words = globals.positionals;
    if (globals.values.help || words.length === 0) {
      io.stdout(helpFor(words));
      return words.length === 0 && !globals.values.help ? 2 : 0;
    }
    const found = findCommand(words);
    if (!found) throw usageError(unknownCommand(words));
    const { command } = found;
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...command.options }, strict: true, allowPositionals: true });
    } catch (err) {
      throw usageError(`${argsProblem(err as NodeJS.ErrnoException, argv)}\nUsage: ${command.usage}`);
    }
    const positionals = parsed.positionals.slice(command.name.split(' ').length);
    checkPositionals(command, positionals);
    const json = Boolean(parsed.values.json);
    const values = parsed.values as CommandRun['values'];
    const by = typeof values.by === 'string' ? values.by : undefined;
    const dbPath = command.needsDb === false ? ':memory:' : resolveDbPath(parsed.values.db as string | undefined, env);
    // A mistyped --db would otherwise become a new, empty log that "checks out" or is backed up.
    if (command.needsDb === 'existing' && !existsSync(dbPath)) {
      const why = whyNoLogAt(dbPath);
      throw new CliError(`There is no log at ${dbPath}${why ? ` (${why})` : ''}: check --db or GENLOG_DB. Nothing was created.`, 1);
    }
    ctx = createContext({ dbPath, transport: command.transport ?? 'cli', actor: by, openWhenUsed: true });
    const c = ctx;
    const run: CommandRun = {
      ctx: c,
      values,
      positionals,
      io,
      json,
      async call<T>(name: string, input: unknown): Promise<T> {
        const res = await dispatch(methodTable, c, name, input);
        if (!res.ok) throw new CliError(withoutRepeatedField(res.error.message), res.error.code === 'invalid_input' ? 2 : 1);
        return res.value as T;
      },
      required(flag) {
        const v = values[flag];
        if (typeof v !== 'string' || v.trim() === '') throw usageError(`--${flag} is required.\nUsage: ${command.usage}`);
        return v;
      },
      optional(flag) {
        const v = values[flag];
        return typeof v === 'string' ? v : undefined;
      },
    };
    const value = await command.run(run);
    if (value !== undefined) {
      if (json) io.stdout(`${JSON.stringify(value, null, 2)}\n`);
      else if (command.human) io.stdout(command.human(value as never));
    }
    return 0;
  } catch (err) {
    const exit = err instanceof CliError ? err.exitCode : 1;
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`genlog: ${message}\n`);
    return exit;
  } finally {
    if (ctx && !o.keepOpen) ctx.close();
  }
}
