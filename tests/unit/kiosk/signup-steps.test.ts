import { describe, expect, it } from 'vitest';
import {
  nextStep,
  prevStep,
  signupReducer,
  startSignup,
  type SignupAction,
  type SignupState,
} from '../../../renderer/kiosk/signup/signup-state';

const fromPosting = () =>
  startSignup({ id: 'L1', occupation: 'moving', districtCode: '361102' } as Parameters<typeof startSignup>[0]);
const run = (from: SignupState, actions: SignupAction[]) => actions.reduce(signupReducer, from);

describe('choices made for the visitor', () => {
  it('marks the posting’s trade and district as pre-filled until the visitor touches them', () => {
    const s = fromPosting();
    expect(s.prefilled).toEqual({ occupations: ['moving'], districts: ['361102'] });
  });

  it('keeps a pre-filled district chosen when it is tapped (“yes, this one”), and a second tap removes it', () => {
    const once = run(fromPosting(), [{ type: 'toggle-district', code: '361102' }]);
    expect(once.districts).toEqual(['361102']);
    expect(once.prefilled.districts).toEqual([]);
    const twice = run(once, [{ type: 'toggle-district', code: '361102' }]);
    expect(twice.districts).toEqual([]);
  });

  it('adds and removes the other choices as usual', () => {
    const s = run(fromPosting(), [
      { type: 'toggle-occupation', code: 'delivery' },
      { type: 'toggle-district', code: '361121' },
    ]);
    expect(s.occupations).toEqual(['moving', 'delivery']);
    expect(s.districts).toEqual(['361102', '361121']);
    // still marked: the visitor has not touched those
    expect(s.prefilled).toEqual({ occupations: ['moving'], districts: ['361102'] });
  });
});

describe('moving between steps', () => {
  it('goes forward and back through the steps in order', () => {
    expect(nextStep({ step: 'phone', editing: false })).toBe('name');
    expect(nextStep({ step: 'pay', editing: false })).toBe('review');
    expect(prevStep({ step: 'name', editing: false })).toBe('phone');
    expect(prevStep({ step: 'consent', editing: false })).toBeNull();
    expect(nextStep({ step: 'review', editing: false })).toBeNull();
  });

  it('returns to the review from an answer changed there, with no way back through the others', () => {
    const editing = run(fromPosting(), [
      { type: 'go', step: 'review' },
      { type: 'edit', step: 'trades' },
    ]);
    expect(editing).toMatchObject({ step: 'trades', editing: true });
    expect(nextStep(editing)).toBe('review');
    expect(prevStep(editing)).toBeNull();
    const back = run(editing, [{ type: 'go', step: 'review' }]);
    expect(back).toMatchObject({ step: 'review', editing: false });
  });
});
