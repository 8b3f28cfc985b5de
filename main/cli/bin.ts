import { runCli } from './index';

// `npm run costplan` runs in the package folder; paths on the command line are meant from
// where the user typed them.
if (process.env['INIT_CWD']) process.chdir(process.env['INIT_CWD']);

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
