// The zip `hs project upload` would send, made by HubSpot's own code: the archive step of
// @hubspot/cli 8.14.0 `lib/projects/upload.js` (`handleProjectUpload`), with the CLI's functions
// and libraries — project-parsing-lib's package.json scan, the CLI's workspace archiving,
// local-dev-lib's ignore rules (HubSpot's list plus `.hsignore`) and archiver's directory walk.
// Only the network steps after it (translate with schemas, project lookup, the upload) are left
// out. Like the CLI's, its result depends on the working directory: local-dev-lib finds `.hsignore`
// from there upwards and matches paths relative to it (docs/decisions/0003-upload-packaging.md).
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import {
  archiveWorkspacesAndDependencies,
  getLockfilePathsToUpdate,
  getPackageJsonPathsToUpdate,
} from '@hubspot/cli/lib/projects/workspaces.js';
import { shouldIgnoreFile } from '@hubspot/local-dev-lib/ignoreRules';
import {
  collectFileDependencies,
  collectWorkspaceDirectories,
  findAndParsePackageJsonFiles,
} from '@hubspot/project-parsing-lib/workspaces';
import archiver from 'archiver';
import { z } from 'zod';

import { readZip } from './read-zip.ts';
import type { ZipEntry } from './read-zip.ts';

export const PROJECT_DIR = resolve(import.meta.dirname, '..', '..');

const ProjectConfig = z.object({ srcDir: z.string() });

const Versioned = z.looseObject({ version: z.string() });
const CliPackage = Versioned.extend({ dependencies: z.record(z.string(), z.string()) });

/** The package.json `pkg` resolves to from `dir`, as Node looks it up (node_modules upwards). */
function packageJsonFrom(dir: string, pkg: string): string {
  for (let d = dir; ; d = dirname(d)) {
    const file = join(d, 'node_modules', pkg, 'package.json');
    if (existsSync(file)) return file;
    if (dirname(d) === d) throw new Error(`${pkg} is not installed (from ${dir})`);
  }
}

const readVersion = (file: string): string =>
  Versioned.parse(JSON.parse(readFileSync(file, 'utf8'))).version;

/**
 * The libraries imported here must be the very copies the CLI runs with: a CLI upgrade that
 * changes them fails here rather than silently changing what the upload contains.
 */
export function checkCliLibraries(projectDir: string = PROJECT_DIR): void {
  const cliFile = packageJsonFrom(projectDir, '@hubspot/cli');
  const cli = CliPackage.parse(JSON.parse(readFileSync(cliFile, 'utf8')));
  for (const pkg of ['@hubspot/local-dev-lib', '@hubspot/project-parsing-lib', 'archiver']) {
    const theirs = packageJsonFrom(dirname(cliFile), pkg);
    const ours = packageJsonFrom(projectDir, pkg);
    if (theirs !== ours || cli.dependencies[pkg] !== readVersion(ours)) {
      throw new Error(
        `@hubspot/cli ${cli.version} runs ${pkg} ${String(cli.dependencies[pkg])} (${theirs}), this repository pins ${readVersion(ours)}: pin the CLI's version in package.json.`,
      );
    }
  }
}

export type UploadZip = {
  /** The files in the zip, as the CLI names them (relative to srcDir, e.g. `app/cards/X.tsx`). */
  entries: ZipEntry[];
  /** The zip's size in bytes. */
  zipBytes: number;
};

/** Builds the upload zip of the project in `projectDir`, as `hs` run in this process's directory. */
export async function buildUploadZip(projectDir: string = PROJECT_DIR): Promise<UploadZip> {
  checkCliLibraries(projectDir);
  const config = ProjectConfig.parse(
    JSON.parse(readFileSync(join(projectDir, 'hsproject.json'), 'utf8')),
  );
  const srcDir = resolve(projectDir, config.srcDir);
  const parsed = await findAndParsePackageJsonFiles(srcDir);
  const workspaces = await collectWorkspaceDirectories(parsed);
  const fileDependencies = await collectFileDependencies(parsed);
  const rewritten = new Set([
    ...getPackageJsonPathsToUpdate(srcDir, workspaces, fileDependencies),
    ...getLockfilePathsToUpdate(srcDir, workspaces, fileDependencies),
  ]);

  const dir = mkdtempSync(join(tmpdir(), 'strategy-fit-upload-'));
  try {
    const file = join(dir, 'project.zip');
    const output = createWriteStream(file);
    const closed = new Promise<void>((done, fail) => {
      output.on('close', done);
      output.on('error', fail);
    });
    const archive = archiver('zip');
    archive.on('error', (e) => output.destroy(e));
    archive.pipe(output);
    archive.directory(srcDir, false, (entry) => {
      if (rewritten.has(entry.name)) return false;
      return shouldIgnoreFile(entry.name, true) ? false : entry;
    });
    await archiveWorkspacesAndDependencies(archive, srcDir, workspaces, fileDependencies);
    await archive.finalize();
    await closed;
    const zip = readFileSync(file);
    return { entries: readZip(zip), zipBytes: zip.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { entries, zipBytes } = await buildUploadZip();
  process.stdout.write(
    `${JSON.stringify({ zipBytes, files: entries.map((e) => [e.name, e.bytes]) })}\n`,
  );
}
