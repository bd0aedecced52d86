import { describe, expect, it } from 'vitest';
import {
  phoneAloud,
  pickVoice,
  postingAloud,
  sentences,
  voiceRank,
  type VoiceInfo,
} from '../../../renderer/kiosk/voice/speech-text';
import { makePosting } from '../db/fixtures';
import { zhCN } from '../../support/i18n';
import { toPublicPosting } from '../../../shared/public-posting';

const v = (name: string, lang: string, localService = true): VoiceInfo => ({ name, lang, localService });

describe('which voice reads aloud', () => {
  it('takes a Mandarin voice: Windows zh-CN first, then espeak-ng cmn, never Cantonese', () => {
    const voices = [
      v('Microsoft Tracy - Chinese (Traditional, Hong Kong)', 'zh-HK'),
      v('Chinese (Cantonese) espeak-ng', 'yue'),
      v('Chinese (Mandarin, latin as English)+Adam espeak-ng', 'cmn'),
      v('Chinese (Mandarin, latin as English) espeak-ng', 'cmn'),
      v('English (America) espeak-ng', 'en-US'),
    ];
    expect(pickVoice(voices, 'zh-CN')?.name).toBe('Chinese (Mandarin, latin as English) espeak-ng');
    expect(pickVoice([...voices, v('Microsoft Huihui - Chinese (Simplified, PRC)', 'zh-CN')], 'zh-CN')?.name).toBe(
      'Microsoft Huihui - Chinese (Simplified, PRC)',
    );
    expect(pickVoice(voices, 'en')?.lang).toBe('en-US');
  });

  it('has none when no installed voice speaks Mandarin (the 朗读 button then stays hidden)', () => {
    expect(pickVoice([v('Afrikaans espeak-ng', 'af'), v('Cantonese', 'zh-HK')], 'zh-CN')).toBeNull();
    expect(pickVoice([], 'zh-CN')).toBeNull();
    expect(voiceRank(v('x', 'zh_CN'), 'zh-CN')).toBeGreaterThan(voiceRank(v('y', 'zh-TW'), 'zh-CN'));
  });
});

describe('what is read aloud', () => {
  it('reads a mobile number digit by digit in the groups people say, 1 as 幺', () => {
    expect(phoneAloud('13812348000', 'zh-CN')).toBe('幺三八，幺二三四，八零零零');
    expect(phoneAloud('0793-8208000', 'zh-CN')).toBe('零七九三，八二零八零零零');
    expect(phoneAloud('13812348000', 'en')).toBe('1 3 8, 1 2 3 4, 8 0 0 0');
    // a number the employer asked to keep off the screens is not read either
    expect(phoneAloud('138****8000', 'zh-CN')).toBeNull();
  });

  it('reads a posting: title and trade, pay as spoken, settlement, place, employer, phone, booth', async () => {
    const t = await zhCN();
    const posting = {
      ...toPublicPosting(makePosting({ title: '钢筋工', occupation: 'construction', payMin: 370, payMax: 590 })),
      booth: 'A12',
    };
    const text = postingAloud(posting, t, 'zh-CN');
    const said = ['钢筋工', '建筑工地', '每天 370 到 590 元', '日结', '信州区', '上饶市信江物流有限公司'];
    for (const part of [...said, '幺三八，幺二三四，八零零零', 'A12']) expect(text).toContain(part);
    expect(text).not.toMatch(/kiosk\.voice/);

    const masked = postingAloud({ ...posting, contactPhone: '138****8000' }, t, 'zh-CN');
    expect(masked).toContain('电话请到服务窗口咨询');
    expect(masked).not.toContain('8000');
  });

  it('cuts text into sentences, one utterance each', () => {
    expect(sentences('第一句。第二句！ Third. ')).toEqual(['第一句。', '第二句！', 'Third.']);
    expect(sentences('')).toEqual([]);
  });
});
