/** The trades as big touch buttons with their pictograms: browsing filters by one, sign-up picks several. */
import { useTranslation } from 'react-i18next';
import { OCCUPATION_CODES, type OccupationCode } from '../../shared/occupations';
import { Pictogram } from './pictograms';

export function TradeGrid({
  pressed,
  testIdPrefix,
  onPick,
  tick = false,
}: {
  pressed: (code: OccupationCode) => boolean;
  /** `trade-` gives buttons `trade-moving`, `trade-cleaning`, … */
  testIdPrefix: string;
  onPick: (code: OccupationCode) => void;
  /** Show a tick on the pressed ones (where several can be chosen). */
  tick?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="trade-grid">
      {OCCUPATION_CODES.map((code) => (
        <button
          key={code}
          type="button"
          className="trade"
          aria-pressed={pressed(code)}
          data-testid={`${testIdPrefix}${code}`}
          onClick={() => onPick(code)}
        >
          <Pictogram code={code} size={52} />
          <span>{t(`occupation.${code}`)}</span>
          {tick && pressed(code) && (
            <span className="tick" aria-hidden="true">
              ✓
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
