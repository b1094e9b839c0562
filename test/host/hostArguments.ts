// Parses the command line @vscode/test-electron hands to "the VS Code executable" (see its runTest.js):
//   --no-sandbox … --extensionTestsPath=P --extensionDevelopmentPath=P --user-data-dir=D --extensions-dir=D [folder]
// Flags the adapter has no use for (--no-sandbox, --disable-updates, --skip-welcome, …) are ignored.

export interface TestHostArguments {
  /** Absolute paths of the extensions under development (test-electron repeats the flag for each). */
  readonly extensionDevelopmentPaths: readonly string[];
  /** Absolute path of the compiled suite module exporting `run()`. */
  readonly extensionTestsPath: string;
  readonly userDataDir: string | undefined;
  readonly extensionsDir: string | undefined;
  /** The folder to open in the workbench (the last positional argument), if any. */
  readonly folder: string | undefined;
}

function flagValue(argument: string, name: string): string | undefined {
  const prefix = `--${name}=`;
  return argument.startsWith(prefix) ? argument.slice(prefix.length) : undefined;
}

export function parseTestHostArguments(argv: readonly string[]): TestHostArguments {
  const extensionDevelopmentPaths: string[] = [];
  let extensionTestsPath: string | undefined;
  let userDataDir: string | undefined;
  let extensionsDir: string | undefined;
  let folder: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    // test-electron always uses the `--flag=value` form; accept `--flag value` too for hand-written calls.
    const separate = (name: string): string | undefined =>
      argument === `--${name}` && index + 1 < argv.length ? argv[++index] : undefined;
    const developmentPath = flagValue(argument, 'extensionDevelopmentPath') ?? separate('extensionDevelopmentPath');
    if (developmentPath !== undefined) {
      extensionDevelopmentPaths.push(developmentPath);
      continue;
    }
    const testsPath = flagValue(argument, 'extensionTestsPath') ?? separate('extensionTestsPath');
    if (testsPath !== undefined) {
      extensionTestsPath = testsPath;
      continue;
    }
    const userData = flagValue(argument, 'user-data-dir') ?? separate('user-data-dir');
    if (userData !== undefined) {
      userDataDir = userData;
      continue;
    }
    const extensions = flagValue(argument, 'extensions-dir') ?? separate('extensions-dir');
    if (extensions !== undefined) {
      extensionsDir = extensions;
      continue;
    }
    if (!argument.startsWith('-')) folder = argument;
  }
  if (extensionDevelopmentPaths.length === 0) {
    throw new Error('missing --extensionDevelopmentPath=<folder of the extension under test>');
  }
  if (extensionTestsPath === undefined) {
    throw new Error('missing --extensionTestsPath=<compiled suite module exporting run()>');
  }
  return { extensionDevelopmentPaths, extensionTestsPath, userDataDir, extensionsDir, folder };
}
