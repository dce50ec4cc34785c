// `npm run upload` (scripts/upload/upload.ts) end to end, up to HubSpot: it builds first, checks
// the zip, then runs the pinned HubSpot CLI's `hs project upload` — which, with no HubSpot account
// configured (as here: HubSpot is unreachable), stops with HubSpot's own error, and so does the
// command. The build is a spy here: the real one rewrites dist/ under the other suites' feet
// (test/project/function-bundles.test.ts checks the build itself).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { hsProjectUpload, upload } from '../../scripts/upload/upload.ts';
import type { Command } from '../../scripts/upload/upload.ts';
import { PROJECT_DIR } from '../../scripts/upload/upload-zip.ts';

describe('npm run upload', () => {
  it('is `node scripts/upload/upload.ts`, which builds before it checks and uploads', () => {
    const pkg = z
      .object({ scripts: z.record(z.string(), z.string()) })
      .parse(JSON.parse(readFileSync(join(PROJECT_DIR, 'package.json'), 'utf8')));
    expect(pkg.scripts['upload']).toBe('node scripts/upload/upload.ts');
  });

  it('without a HubSpot account: builds, checks the zip, runs hs project upload, and fails with HubSpot’s error', async () => {
    const home = mkdtempSync(join(tmpdir(), 'strategy-fit-home-'));
    const order: string[] = [];
    const lines: string[] = [];
    let hs: { status: number | null; stdout: string; stderr: string } | undefined;
    try {
      const code = await upload(['--force', '--message', 'test'], {
        build: async () => void order.push('build'),
        log: (line) => lines.push(line),
        run: (command: Command) => {
          order.push('hs');
          hs = spawnSync(command.file, command.args, {
            cwd: command.cwd,
            env: {
              HOME: home,
              PATH: process.env['PATH'] ?? '/usr/bin:/bin',
              NO_UPDATE_NOTIFIER: '1',
            },
            encoding: 'utf8',
          });
          return hs.status ?? 1;
        },
      });
      expect(order).toEqual(['build', 'hs']);
      expect(lines[0]).toMatch(
        /^Upload: \d{3} files, \d+ KiB \(zip \d+ KiB\)\. Running hs project upload…$/,
      );
      expect(hs?.stderr).toContain(
        'Config file not found, run hs account auth to configure your account',
      );
      expect(code).toBe(1);
      expect(lines[1]).toContain('npx hs account auth');
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);

  it('runs the pinned CLI from the project root and passes the options through', () => {
    const command = hsProjectUpload(['--account', 'prod', '--message', 'v2']);
    expect(command.file).toBe(process.execPath);
    expect(command.cwd).toBe(PROJECT_DIR);
    expect(command.args).toEqual([
      join(PROJECT_DIR, 'node_modules', '@hubspot', 'cli', 'bin', 'hs.js'),
      'project',
      'upload',
      '--account',
      'prod',
      '--message',
      'v2',
    ]);
    const version = spawnSync(command.file, [command.args[0] ?? '', '--version'], {
      encoding: 'utf8',
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    });
    expect(version.stdout.trim()).toBe('8.14.0');
  });
});
