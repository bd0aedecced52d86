import { describe, expect, it } from 'vitest';
import { describeLogDestination, logDestination } from '../../../electron/windows/log-destination';

// A packaged Windows app has no stdout (pinojs/pino#1868: EBADF), so a packaged app always
// writes files; stdout too where someone reads it (a terminal, systemd's journal).

const logs = {
  win32: 'C:\\Users\\hall\\AppData\\Roaming\\Hall Board\\logs',
  linux: '/home/hall/.config/Hall Board/logs',
};

describe('logDestination', () => {
  it.each([
    {
      name: 'npm start / development: stdout only',
      packaged: false,
      platform: 'linux' as const,
      tty: true,
      env: {},
      want: { fileDir: null, stdout: true },
    },
    {
      name: 'development with HALL_LOG_DIR: files too',
      packaged: false,
      platform: 'linux' as const,
      tty: false,
      env: { HALL_LOG_DIR: '/tmp/l' },
      want: { fileDir: '/tmp/l', stdout: true },
    },
    {
      name: 'installed on Windows, started from the Start menu or the restart loop: file only',
      packaged: true,
      platform: 'win32' as const,
      tty: false,
      env: {},
      want: { fileDir: logs.win32, stdout: false },
    },
    {
      name: 'installed on Windows, run from a console: file and stdout',
      packaged: true,
      platform: 'win32' as const,
      tty: true,
      env: {},
      want: { fileDir: logs.win32, stdout: true },
    },
    {
      name: 'installed on Linux under the systemd unit: file and the journal',
      packaged: true,
      platform: 'linux' as const,
      tty: false,
      env: { JOURNAL_STREAM: '8:12345' },
      want: { fileDir: logs.linux, stdout: true },
    },
    {
      name: 'installed on Linux, started from the desktop: file only',
      packaged: true,
      platform: 'linux' as const,
      tty: false,
      env: {},
      want: { fileDir: logs.linux, stdout: false },
    },
    {
      name: 'installed on Linux, run in a terminal: file and stdout',
      packaged: true,
      platform: 'linux' as const,
      tty: true,
      env: {},
      want: { fileDir: logs.linux, stdout: true },
    },
    {
      name: 'HALL_LOG_DIR moves the files of an installed app',
      packaged: true,
      platform: 'win32' as const,
      tty: false,
      env: { HALL_LOG_DIR: 'D:\\hall-logs' },
      want: { fileDir: 'D:\\hall-logs', stdout: false },
    },
  ])('$name', ({ packaged, platform, tty, env, want }) => {
    expect(logDestination({ packaged, platform, stdoutIsTTY: tty, env, appLogsDir: logs[platform] })).toEqual(want);
  });
});

describe('describeLogDestination', () => {
  it.each([
    {
      d: { fileDir: null, stdout: true },
      platform: 'linux' as const,
      want: 'logging to stdout only (set HALL_LOG_DIR for files)',
    },
    {
      d: { fileDir: logs.linux, stdout: true },
      platform: 'linux' as const,
      want: `logging to ${logs.linux} (newest: current.log) and stdout`,
    },
    {
      d: { fileDir: logs.win32, stdout: false },
      platform: 'win32' as const,
      want: `logging to ${logs.win32} (newest: the highest-numbered hall.<n>.log)`,
    },
  ])('$want', ({ d, platform, want }) => {
    expect(describeLogDestination(d, platform)).toBe(want);
  });
});
