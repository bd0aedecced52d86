import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { uuidv7 } from 'uuidv7';
import { CONSENT_VERSION, SignupInputSchema, SignupNameSchema } from '../../../shared/schemas/signup';

const base = () => ({
  id: uuidv7(),
  phone: '13812348000',
  consentVersion: CONSENT_VERSION,
  consentAt: '2026-11-27T10:00:00+08:00',
});

describe('sign-up schema', () => {
  it('accepts the smallest sign-up: a phone and consent', () => {
    expect(SignupInputSchema.parse(base())).toMatchObject({
      name: '',
      occupations: [],
      expectedPay: null,
      listingId: null,
    });
  });

  it.each(['王小明', '阿卜杜·热合曼', 'Li Wei', "O'Neil"])('accepts the name %s', (name) => {
    expect(SignupNameSchema.safeParse(name).success).toBe(true);
  });

  it.each(['小明😀', '<b>王</b>', 'javascript:alert(1)', '王1', '王'.repeat(21), '\u0000王'])(
    'refuses the name %j',
    (name) => {
      expect(SignupNameSchema.safeParse(name).success).toBe(false);
    },
  );

  it('accepts exactly the 11-digit mainland mobiles', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: 13 }), (phone) => {
        const ok = SignupInputSchema.safeParse({ ...base(), phone }).success;
        expect(ok).toBe(/^1[3-9]\d{9}$/.test(phone));
      }),
    );
  });

  it('refuses duplicated trades and a consent to another version', () => {
    expect(SignupInputSchema.safeParse({ ...base(), occupations: ['moving', 'moving'] }).success).toBe(false);
    expect(SignupInputSchema.safeParse({ ...base(), consentVersion: 'old' }).success).toBe(false);
  });
});
