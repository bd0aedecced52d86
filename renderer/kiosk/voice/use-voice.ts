/**
 * The platform's speech synthesis (Web Speech API) with the voice pickVoice chooses: Windows
 * 10/11 bring Mandarin voices, Linux reaches espeak-ng through speech-dispatcher (Chromium and
 * Electron with `--enable-speech-dispatcher`). Without a voice for the locale `voice` is null and
 * the kiosk hides its 朗读 button.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { UiLocale } from '../../common/i18n';
import { pickVoice, sentences } from './speech-text';

export interface Voice {
  /** The voice reading aloud; null while the list loads or when no installed voice speaks the locale. */
  voice: SpeechSynthesisVoice | null;
  /** True once the list of voices is known (it arrives a moment after start in Chromium). */
  settled: boolean;
  speak(text: string): void;
  stop(): void;
}

/**
 * Chromium fills the list asynchronously (on Linux after starting speech-dispatcher: 3.2 s
 * measured here) and fires no `voiceschanged` while it stays empty, so the list is also polled;
 * after this long without a voice the kiosk says it has none (staff see it on the screens page).
 */
const SETTLE_MS = 10_000;
const POLL_MS = 500;
/** A little slower than the default, for listeners who are not used to synthetic speech. */
const RATE = 0.9;

const synth = (): SpeechSynthesis | null =>
  typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;

export function useVoice(locale: UiLocale): Voice {
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => synth()?.getVoices() ?? []);
  const [settled, setSettled] = useState(() => voices.length > 0 || synth() === null);

  useEffect(() => {
    const s = synth();
    if (!s) return undefined;
    const started = Date.now();
    const update = () => {
      const list = s.getVoices();
      if (list.length > 0 || Date.now() - started >= SETTLE_MS) {
        setVoices(list);
        setSettled(true);
        clearInterval(poll);
      }
    };
    // a voice installed or started later still turns the button on
    const changed = () => setVoices(s.getVoices());
    s.addEventListener('voiceschanged', changed);
    const poll = setInterval(update, POLL_MS);
    update();
    return () => {
      clearInterval(poll);
      s.removeEventListener('voiceschanged', changed);
    };
  }, []);

  const voice = useMemo(() => pickVoice(voices, locale), [voices, locale]);

  const stop = useCallback(() => {
    const s = synth();
    if (s && (s.speaking || s.pending)) s.cancel();
  }, []);

  const speak = useCallback(
    (text: string) => {
      const s = synth();
      if (!s || !voice) return;
      s.cancel();
      for (const sentence of sentences(text)) {
        const u = new SpeechSynthesisUtterance(sentence);
        u.voice = voice;
        u.lang = voice.lang;
        u.rate = RATE;
        s.speak(u);
      }
    },
    [voice],
  );

  // nothing keeps talking after the kiosk page goes away
  useEffect(() => stop, [stop]);

  return { voice, settled, speak, stop };
}
