/** The value after `--name` on the command line (`npm run backup -- --out FILE`), or undefined. */
export function argValue(name: string, argv = process.argv.slice(2)): string | undefined {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0) return argv[i + 1];
  const inline = argv.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

/** Runs a command-line entry point: its exit code, or 2 with the message when it could not run. */
export function runCli(main: () => Promise<number>, known: (e: unknown) => boolean) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(known(error) ? (error as Error).message : error);
      process.exit(2);
    },
  );
}
