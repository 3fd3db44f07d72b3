import { runCli } from './run';

// Entry point bundled to dist/main/cli.js and started by bin/genlog.js.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
