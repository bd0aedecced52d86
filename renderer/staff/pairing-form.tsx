/**
 * Approve a device: a kiosk by the 6-digit code it shows, or a board screen (browser, smart TV,
 * LED controller) by giving it an id, size, pitch, distance, layout and filter; it then shows
 * /board/<id>.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccupationCode } from '../../shared/occupations';
import type { BoardLayout } from '../../shared/schemas/screen';
import { LayoutSelect, PitchDistanceFields } from './screen-fields';
import { glyphFloorPx } from '../../shared/legibility';
import { apiErrorText } from '../common/api-error-text';
import { STAFF_ROUTES, staffApi } from './staff-api';
import { TradeOptions } from './form-fields';

export function PairingForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [role, setRole] = useState<'kiosk' | 'board'>('kiosk');
  const [code, setCode] = useState('');
  const [screenId, setScreenId] = useState('');
  const [name, setName] = useState('');
  const [size, setSize] = useState('1920x1080');
  const [pitch, setPitch] = useState('2.5');
  const [distance, setDistance] = useState('8');
  const [layout, setLayout] = useState<BoardLayout>('cards');
  const [occupation, setOccupation] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const [w, h] = size.split('x').map(Number) as [number, number];
  const glyph =
    Number(pitch) >= 0.5 && Number(distance) >= 1
      ? glyphFloorPx({ viewingDistanceM: Number(distance), pitchMm: Number(pitch), legibilityRule: 'ada' })
      : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    try {
      if (role === 'kiosk') {
        // any device that shows a code: a browser kiosk, or a board page on the hall network
        const approved = await staffApi.call(STAFF_ROUTES.pairingApprove, {
          body: { role: 'device', code: code.trim() },
        });
        setMessage({
          ok: true,
          text:
            approved.role === 'board-device'
              ? t('staff.pairing.boardDeviceDone', { screenId: approved.screenId })
              : t('staff.pairing.kioskDone'),
        });
        setCode('');
      } else {
        const result = await staffApi.call(STAFF_ROUTES.pairingApprove, {
          body: {
            role,
            screenId: screenId.trim(),
            name: name.trim(),
            width: w,
            height: h,
            pitchMm: Number(pitch),
            viewingDistanceM: Number(distance),
            layout,
            filter: { occupations: occupation ? [occupation as OccupationCode] : [], districts: [] },
          },
        });
        const url = result.role === 'board' ? result.url : '';
        setMessage({ ok: true, text: t('staff.pairing.boardDone', { url: `${window.location.origin}${url}` }) });
      }
      onDone();
    } catch (e) {
      setMessage({ ok: false, text: apiErrorText(t, e) });
    }
  }

  return (
    <form className="panel pairing" onSubmit={submit} data-testid="pairing-form">
      <h2>{t('staff.pairing.title')}</h2>
      <div className="row">
        <label className="inline">
          <input type="radio" checked={role === 'kiosk'} onChange={() => setRole('kiosk')} />
          {t('staff.pairing.kiosk')}
        </label>
        <label className="inline">
          <input type="radio" checked={role === 'board'} onChange={() => setRole('board')} />
          {t('staff.pairing.board')}
        </label>
      </div>
      {role === 'kiosk' ? (
        <label>
          {t('staff.pairing.code')}
          <input
            inputMode="numeric"
            pattern="\d{6}"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
            required
            data-testid="pairing-code"
          />
        </label>
      ) : (
        <div className="grid2">
          <label>
            {t('staff.pairing.screenId')}
            <input
              value={screenId}
              onChange={(e) => setScreenId(e.target.value)}
              pattern="[A-Za-z0-9_\-]{1,32}"
              required
            />
          </label>
          <label>
            {t('staff.pairing.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} required />
          </label>
          <label>
            {t('staff.pairing.size')}
            <select value={size} onChange={(e) => setSize(e.target.value)}>
              {['1920x1080', '3840x2160', '960x480', '2560x640', '1280x720'].map((s) => (
                <option key={s} value={s}>
                  {s.replace('x', '×')}
                </option>
              ))}
            </select>
          </label>
          <PitchDistanceFields pitch={pitch} distance={distance} onPitch={setPitch} onDistance={setDistance} />
          <LayoutSelect layout={layout} onLayout={setLayout} />
          <label>
            {t('staff.pairing.filter')}
            <select value={occupation} onChange={(e) => setOccupation(e.target.value)}>
              <option value="">{t('staff.pairing.allTrades')}</option>
              <TradeOptions />
            </select>
          </label>
          {glyph !== null ? <p className="hint">{t('staff.pairing.glyph', { px: glyph })}</p> : null}
        </div>
      )}
      {message ? (
        <p className={message.ok ? 'ok' : 'error'} role="status">
          {message.text}
        </p>
      ) : null}
      <button type="submit" className="primary">
        {t('staff.pairing.approve')}
      </button>
    </form>
  );
}
