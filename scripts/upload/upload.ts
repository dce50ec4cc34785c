// npm run upload [-- <hs project upload options>] — builds what the upload needs, checks the zip
// HubSpot's CLI would make, then runs `hs project upload` (@hubspot/cli, pinned) from the project
// root. Without a HubSpot account configured (`npx hs account auth`, or `--use-env`), HubSpot's
// CLI stops with its own error and this exits with its code: nothing is faked (docs/install.md).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { buildFunctions } from '../build-functions.ts';
import { staleLockfiles } from './lockfiles.ts';
import { uploadProblems } from './upload-problems.ts';
import { buildUploadZip, PROJECT_DIR } from './upload-zip.ts';

const HS = join(PROJECT_DIR, 'node_modules', '@hubspot', 'cli', 'bin', 'hs.js');

const kib = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

/** A command to run: the pinned CLI's `hs project upload`, from the project root. */
export type Command = { file: string; args: string[]; cwd: string };

export const hsProjectUpload = (args: readonly string[]): Command => ({
  file: process.execPath,
  args: [HS, 'project', 'upload', ...args],
  cwd: PROJECT_DIR,
});

/** Runs a command in this terminal (HubSpot's CLI may ask questions); answers its exit code. */
const runInTerminal = (command: Command): number =>
  spawnSync(command.file, command.args, { cwd: command.cwd, stdio: 'inherit' }).status ?? 1;

export type UploadSteps = {
  /** Makes the function bundles. */
  build: () => Promise<unknown>;
  /** Runs `hs`; answers its exit code. */
  run: (command: Command) => number;
  /** Where progress goes. */
  log: (line: string) => void;
};

/** Builds, checks the zip, and runs `hs project upload <args>`; answers the exit code. */
export async function upload(
  args: readonly string[],
  steps: UploadSteps = { build: buildFunctions, run: runInTerminal, log: console.log },
): Promise<number> {
  await steps.build();
  const stale = staleLockfiles();
  if (stale.length > 0) {
    steps.log(`Stale upload lockfiles: ${stale.join(', ')}. Run \`npm run lockfiles\` and commit.`);
    return 1;
  }
  const zip = await buildUploadZip();
  const problems = uploadProblems(zip.entries);
  if (problems.length > 0) {
    steps.log(`Not uploading, the zip is wrong:\n  ${problems.join('\n  ')}`);
    return 1;
  }
  const bytes = zip.entries.reduce((sum, e) => sum + e.bytes, 0);
  steps.log(
    `Upload: ${zip.entries.length} files, ${kib(bytes)} (zip ${kib(zip.zipBytes)}). Running hs project upload…`,
  );
  const code = steps.run(hsProjectUpload(args));
  if (code !== 0) {
    steps.log(
      'hs project upload failed (its message is above). No HubSpot account set up yet? Run `npx hs account auth` (docs/install.md).',
    );
  }
  return code;
}

if (import.meta.main) {
  process.exitCode = await upload(process.argv.slice(2));
}
