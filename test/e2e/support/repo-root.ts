// The repository's root, for suites that read its files (apart from cli.ts, so that a suite can
// reach it without reaching the CLI's child processes).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
