/**
 * The sign-up, step by step. All form state is in one reducer inside this component; the
 * parent unmounts it (new key) on cancel, idle or finish, so nothing survives a session.
 */
import { useEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from 'uuidv7';
import type { PublicPosting } from '../../../shared/schemas/posting';
import { ApiError, postSignup } from '../kiosk-api';
import { ConsentStep } from './consent-step';
import { PhoneStep } from './phone-step';
import { NameStep } from './name-step';
import { PayStep, TradesStep, WhereStep } from './choice-steps';
import { ReviewStep } from './review-step';
import { DoneStep } from './done-step';
import { nextStep, phoneProblem, prevStep, signupReducer, startSignup, toSignupInput, type Step } from './signup-state';

const NUMBERED: Step[] = ['consent', 'phone', 'name', 'trades', 'where', 'pay', 'review'];

export interface SignupFlowProps {
  posting: PublicPosting | null;
  token: string | null;
  /** Leave without storing anything (declined or cancelled). */
  onCancel: () => void;
  onFinish: () => void;
  onUnauthorised: () => void;
  /** Told the step in view (the kiosk reads each new step aloud when asked to). */
  onStep?: (step: Step) => void;
}

export function SignupFlow({ posting, token, onCancel, onFinish, onUnauthorised, onStep }: SignupFlowProps) {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(signupReducer, posting, startSignup);
  const go = (step: Step) => dispatch({ type: 'go', step });
  useEffect(() => onStep?.(state.step), [onStep, state.step]);

  async function submit(): Promise<void> {
    if (state.submitting) return;
    if (!token) {
      onUnauthorised();
      return;
    }
    dispatch({ type: 'submitting' });
    try {
      const receipt = await postSignup(token, toSignupInput(state));
      dispatch({ type: 'submitted', receipt });
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        dispatch({ type: 'failed', error: t('kiosk.unauthorised') });
        onUnauthorised();
        return;
      }
      const reason =
        error instanceof ApiError && error.code === 'offline'
          ? t('kiosk.signup.review.offline')
          : error instanceof ApiError && error.code === 'too_many_signups'
            ? t('kiosk.signup.review.tooMany')
            : (error as Error).message;
      dispatch({ type: 'failed', error: reason });
    }
  }

  const index = NUMBERED.indexOf(state.step);
  const next = nextStep(state);
  const prev = prevStep(state);
  const goNext = () => {
    if (next) go(next);
  };
  // "Next" sits in the same place on every step; on the phone step it waits for a whole number.
  const nextBlocked = state.step === 'phone' && phoneProblem(state.phone) !== 'ok';

  return (
    <main className="signup" data-testid="signup" data-step={state.step}>
      {state.step !== 'done' && (
        <header className="signup-head">
          <span className="progress" data-testid="signup-progress">
            {t('kiosk.signup.stepOf', { current: index + 1, total: NUMBERED.length })}
          </span>
          {state.posting && (
            <span className="signup-posting">{t('kiosk.signup.forPosting', { title: state.posting.title })}</span>
          )}
        </header>
      )}
      <div className="signup-body">
        {state.step === 'consent' && (
          <ConsentStep
            onAgree={() => dispatch({ type: 'consent', id: uuidv7(), at: new Date().toISOString() })}
            onDecline={onCancel}
          />
        )}
        {state.step === 'phone' && (
          <PhoneStep
            phone={state.phone}
            onDigit={(digit) => dispatch({ type: 'digit', digit })}
            onDelete={() => dispatch({ type: 'backspace' })}
            onClear={() => dispatch({ type: 'clear-phone' })}
          />
        )}
        {state.step === 'name' && (
          <NameStep name={state.name} onName={(name) => dispatch({ type: 'set-name', name })} onNext={goNext} />
        )}
        {state.step === 'trades' && (
          <TradesStep
            selected={state.occupations}
            prefilled={state.prefilled.occupations}
            onToggle={(code) => dispatch({ type: 'toggle-occupation', code })}
          />
        )}
        {state.step === 'where' && (
          <WhereStep
            districts={state.districts}
            prefilled={state.prefilled.districts}
            availability={state.availability}
            onDistrict={(code) => dispatch({ type: 'toggle-district', code })}
            onAvailability={(value) => dispatch({ type: 'toggle-availability', value })}
          />
        )}
        {state.step === 'pay' && (
          <PayStep
            pay={state.pay}
            occupations={state.occupations}
            onPay={(pay) => {
              // one choice only: choosing it answers the question
              dispatch({ type: 'set-pay', pay });
              goNext();
            }}
          />
        )}
        {state.step === 'review' && <ReviewStep state={state} onEdit={(step) => dispatch({ type: 'edit', step })} />}
        {state.step === 'done' && <DoneStep state={state} onFinish={onFinish} />}
      </div>
      {state.step !== 'done' && state.step !== 'consent' && (
        <footer className="signup-nav">
          <button type="button" className="btn btn-quiet" data-testid="signup-cancel" onClick={onCancel}>
            {t('kiosk.signup.cancel')}
          </button>
          <span className="signup-nav-spacer" />
          {prev && (
            <button type="button" className="btn btn-secondary" data-testid="signup-prev" onClick={() => go(prev)}>
              {t('kiosk.signup.prev')}
            </button>
          )}
          {state.step === 'review' ? (
            <button
              type="button"
              className="btn btn-primary"
              data-testid="submit"
              disabled={state.submitting}
              onPointerDown={() => performance.mark('kiosk-submit')}
              onClick={() => void submit()}
            >
              {state.submitting ? t('kiosk.signup.review.submitting') : t('kiosk.signup.review.submit')}
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-primary"
              data-testid={state.step === 'phone' ? 'phone-next' : 'signup-next'}
              disabled={nextBlocked}
              onClick={goNext}
            >
              {state.editing ? t('kiosk.signup.backToReview') : t('kiosk.signup.next')}
            </button>
          )}
        </footer>
      )}
    </main>
  );
}
