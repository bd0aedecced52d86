import { describe, expect, it } from 'vitest';
import { urgentContact } from '../../../shared/urgent-contact';

const MASKED = '电话请到服务窗口咨询';

describe('urgentContact: the pay and phone an urgent banner always shows', () => {
  it.each([
    ['日结 300元/天 · 电话 138 0000 8000', { pay: '300元/天', phone: '138 0000 8000' }],
    ['160–230 元/天，联系王经理13800008000', { pay: '160–230元/天', phone: '138 0000 8000' }],
    ['计件 1.5元/件，报名请拨打 0793-8888 6666', { pay: '1.5元/件', phone: '0793-8888 6666' }],
    ['25元/小时，到东门找李师傅', { pay: '25元/小时' }],
    ['到三号窗口报名', {}],
    // digits that are no phone: a date, a headcount, an 11-digit number not starting with 1
    ['12月3日 招20人 编号 98765432101', {}],
  ])('reads them out of a body staff typed: %s', (body, expected) => {
    expect(urgentContact({ body }, undefined, 'zh-CN', MASKED)).toEqual(expected);
  });

  it('takes them from the posting an urgent posting names, in the screen’s words', () => {
    const posting = {
      payMin: 300,
      payMax: 350,
      payUnit: 'day' as const,
      contactPhone: '13812348000',
      maskPhone: false,
    };
    expect(urgentContact({ body: '电话 139 0000 0000' }, posting, 'zh-CN', MASKED)).toEqual({
      pay: '300–350元/天',
      phone: '138 1234 8000',
    });
    expect(urgentContact({ body: '' }, posting, 'en', MASKED).pay).toMatch(/^300–350/);
  });

  it('says where to ask instead of a phone the employer keeps off the wall', () => {
    const posting = {
      payMin: 20,
      payMax: null,
      payUnit: 'hour' as const,
      contactPhone: '13812348000',
      maskPhone: true,
    };
    expect(urgentContact({ body: '' }, posting, 'zh-CN', MASKED)).toEqual({ pay: '20元/时', phone: MASKED });
  });
});
