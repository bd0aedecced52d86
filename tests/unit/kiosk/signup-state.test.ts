import { describe, expect, it } from 'vitest';
import {
  emptySignup,
  phoneProblem,
  signupReducer,
  startSignup,
  toSignupInput,
  type SignupAction,
} from '../../../renderer/kiosk/signup/signup-state';
import { SignupInputSchema } from '../../../shared/schemas/signup';

const run = (actions: SignupAction[], from = emptySignup()) => actions.reduce(signupReducer, from);

describe('sign-up form state', () => {
  it('builds a valid request body from taps alone', () => {
    const s = run([
      { type: 'consent', id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', at: '2026-11-27T02:00:00.000Z' },
      ...[...'13812348000'].map((digit) => ({ type: 'digit', digit }) as SignupAction),
      { type: 'toggle-occupation', code: 'moving' },
      { type: 'toggle-district', code: '361102' },
      { type: 'toggle-availability', value: 'today' },
      { type: 'set-pay', pay: { amount: 200, unit: 'day' } },
    ]);
    expect(SignupInputSchema.parse(toSignupInput(s))).toMatchObject({
      phone: '13812348000',
      occupations: ['moving'],
      expectedPay: 200,
    });
  });

  it('keeps one id across retries so the host stores the sign-up once', () => {
    const s = run([
      { type: 'consent', id: 'first', at: 'a' },
      { type: 'go', step: 'consent' },
      { type: 'consent', id: 'second', at: 'b' },
    ]);
    expect(s.id).toBe('first');
  });

  it('forgets the phone and name once submitted, keeping only the receipt', () => {
    const s = run([
      { type: 'consent', id: 'x', at: 'a' },
      { type: 'digit', digit: '1' },
      { type: 'set-name', name: '王' },
      { type: 'submitted', receipt: { id: 'x', number: 'A-0001' } },
    ]);
    expect(s).toMatchObject({ step: 'done', phone: '', name: '', id: null, receipt: { number: 'A-0001' } });
  });

  it('takes at most 11 digits and digits only', () => {
    const s = run(
      [...'1381234800099']
        .map((digit) => ({ type: 'digit', digit }) as SignupAction)
        .concat([{ type: 'digit', digit: 'a' }]),
    );
    expect(s.phone).toBe('13812348000');
  });

  it('tells incomplete numbers from numbers that cannot be mobiles', () => {
    expect(phoneProblem('138')).toBe('incomplete');
    expect(phoneProblem('2')).toBe('not-mobile');
    expect(phoneProblem('12')).toBe('not-mobile');
    expect(phoneProblem('13812348000')).toBe('ok');
  });

  it('preselects the trade and district of the posting signed up for', () => {
    const s = startSignup({ id: 'L1', occupation: 'driving', districtCode: '361121' } as Parameters<
      typeof startSignup
    >[0]);
    expect(s).toMatchObject({ occupations: ['driving'], districts: ['361121'], posting: { id: 'L1' } });
  });
});
