import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHallProfile } from '../../../electron/host/screens/hall-profile';
import { ScreenConfigError } from '../../../electron/host/screens/screen-config';
import { tmpDir } from '../../support/tmp-dir';

describe('loadHallProfile (hall.json)', () => {
  const withFile = (content: string) => {
    const d = tmpDir('hall-profile-');
    writeFileSync(join(d, 'hall.json'), content);
    return d;
  };

  it('means the defaults when the data dir has no hall.json', () => {
    expect(loadHallProfile(tmpDir('hall-profile-'))).toEqual({});
  });

  it('reads the hall line and the masked-phone sentence, trimmed and without invisible characters', () => {
    const d = withFile(
      JSON.stringify({ name: ' 上饶市\u202e零工市场 ', hotline: '0793-8208000', maskedPhoneText: '请到3号窗口' }),
    );
    expect(loadHallProfile(d)).toEqual({
      name: '上饶市零工市场',
      hotline: '0793-8208000',
      maskedPhoneText: '请到3号窗口',
    });
  });

  it.each([
    ['{ not json', /hall\.json is not valid JSON/],
    [JSON.stringify({ hotline: '请拨打 0793' }), /hotline/],
    [JSON.stringify({ name: '市'.repeat(31) }), /name/],
    [JSON.stringify({ nmae: '上饶市零工市场' }), /nmae/],
  ])('stops the host with a message naming the problem: %s', (content, message) => {
    const d = withFile(content);
    expect(() => loadHallProfile(d)).toThrow(ScreenConfigError);
    expect(() => loadHallProfile(d)).toThrow(message);
  });
});
