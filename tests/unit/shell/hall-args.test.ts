import { describe, expect, it } from 'vitest';
import { devToolsWanted, hallArgsFrom } from '../../../electron/windows/hall-args';

describe('hallArgsFrom', () => {
  it.each([
    {
      name: 'drops the executable and the app path',
      argv: ['/opt/electron', '.', '--port', '9000'],
      want: ['--port', '9000'],
    },
    {
      name: 'drops Chromium switches',
      argv: ['--no-sandbox', '--enable-logging', '--data', '/srv/hall'],
      want: ['--data', '/srv/hall'],
    },
    {
      name: 'keeps --flag=value forms',
      argv: ['--hub=http://hub:4000', '--hall-id=h1', '--hub-token=t'],
      want: ['--hub=http://hub:4000', '--hall-id=h1', '--hub-token=t'],
    },
    {
      name: 'keeps every hall flag in order',
      argv: ['--host', '0.0.0.0', '--port', '1', '--data', 'd'],
      want: ['--host', '0.0.0.0', '--port', '1', '--data', 'd'],
    },
    {
      name: 'passes a value-less flag on so the host can complain',
      argv: ['--port', '--no-sandbox'],
      want: ['--port'],
    },
    { name: 'returns nothing for no hall flags', argv: ['/usr/bin/hall-board'], want: [] },
  ])('$name', ({ argv, want }) => {
    expect(hallArgsFrom(argv)).toEqual(want);
  });
});

describe('devToolsWanted', () => {
  it.each([
    { argv: [], env: {}, want: false },
    { argv: ['--devtools'], env: {}, want: true },
    { argv: [], env: { HALL_DEVTOOLS: '1' }, want: true },
    { argv: [], env: { HALL_DEVTOOLS: '0' }, want: false },
  ])('argv $argv env $env → $want', ({ argv, env, want }) => {
    expect(devToolsWanted(argv, env)).toBe(want);
  });
});
