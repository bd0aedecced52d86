/**
 * Browse: trade pictograms, district chips, 日结 and a search box (typed on the kiosk's own
 * keyboard), with results as big cards. Every filter is one tap; results follow at once.
 * Results come 20 at a time; "再看 20 个" adds the next 20 below, so every posting can be reached.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskPostingsResponse } from '../../shared/kiosk-contract';
import { HOME_CITY_CODE, districtsOfCity } from '../../shared/districts';
import type { PublicPosting } from '../../shared/schemas/posting';
import { RESULT_PAGE, searchPostings, type BrowseFilters } from './kiosk-api';
import { PostingCard } from './posting-card';
import { SearchIcon } from './pictograms';
import { TradeGrid } from './trade-grid';
import { PinyinKeyboard } from './pinyin-keyboard';
import { HugeButton } from './huge-button';

export const NO_FILTERS: BrowseFilters = { q: '', occupation: null, district: null, daily: false };
const DISTRICTS = districtsOfCity(HOME_CITY_CODE);

type Results = { state: 'loading' } | { state: 'ok'; data: KioskPostingsResponse } | { state: 'failed' };

export function BrowseScreen({
  filters,
  onFilters,
  onOpen,
}: {
  filters: BrowseFilters;
  onFilters: (f: BrowseFilters) => void;
  onOpen: (l: PublicPosting) => void;
}) {
  const { t } = useTranslation();
  const [results, setResults] = useState<Results>({ state: 'loading' });
  const [typing, setTyping] = useState(false);
  const [more, setMore] = useState<'idle' | 'loading' | 'failed'>('idle');
  const key = useMemo(() => JSON.stringify(filters), [filters]);
  const keyRef = useRef(key);
  keyRef.current = key;

  useEffect(() => {
    const controller = new AbortController();
    setResults((r) => (r.state === 'ok' ? r : { state: 'loading' }));
    setMore('idle');
    // A short pause while typing so each key does not start a query of its own.
    const timer = setTimeout(() => {
      searchPostings(JSON.parse(key) as BrowseFilters, 0, controller.signal).then(
        (data) => setResults({ state: 'ok', data }),
        () => !controller.signal.aborted && setResults({ state: 'failed' }),
      );
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [key]);

  const shown = results.state === 'ok' ? results.data.listings.length : 0;
  const hasMore = results.state === 'ok' && shown < results.data.total;
  function loadMore() {
    if (results.state !== 'ok' || more === 'loading') return;
    setMore('loading');
    const forKey = key;
    searchPostings(filters, shown).then(
      (page) => {
        if (forKey !== keyRef.current) return;
        setMore('idle');
        setResults((r) => {
          if (r.state !== 'ok') return r;
          const have = new Set(r.data.listings.map((l) => l.id));
          const listings = [...r.data.listings, ...page.listings.filter((l) => !have.has(l.id))];
          // a posting that expired meanwhile makes the total smaller than promised
          const total = page.listings.length < RESULT_PAGE ? listings.length : page.total;
          return { state: 'ok', data: { ...page, listings, total } };
        });
      },
      () => setMore('failed'),
    );
  }

  const set = (patch: Partial<BrowseFilters>) => onFilters({ ...filters, ...patch });
  const anyFilter = filters.q !== '' || filters.occupation !== null || filters.district !== null || filters.daily;

  return (
    <main className="browse" data-testid="browse-screen">
      <section className="browse-filters">
        <div className="search-row">
          <button
            type="button"
            className={`search-field${typing ? ' is-active' : ''}`}
            data-testid="search-field"
            onClick={() => setTyping(!typing)}
          >
            <SearchIcon size={40} strokeWidth={6} />
            <span className={filters.q ? 'search-text' : 'search-placeholder'} data-testid="search-text">
              {filters.q || t('kiosk.browse.searchPlaceholder')}
            </span>
          </button>
          <button
            type="button"
            className="chip chip-daily"
            aria-pressed={filters.daily}
            data-testid="filter-daily"
            onClick={() => set({ daily: !filters.daily })}
          >
            <span className="check" aria-hidden="true">
              {filters.daily ? '✓' : ''}
            </span>
            {t('kiosk.browse.daily')}
          </button>
          {filters.q && (
            <button type="button" className="btn btn-secondary" onClick={() => set({ q: '' })}>
              {t('kiosk.browse.clear')}
            </button>
          )}
        </div>
        {typing && (
          <PinyinKeyboard
            testId="search-keyboard"
            value={filters.q}
            maxLength={20}
            onChange={(q) => set({ q })}
            onDone={() => setTyping(false)}
          />
        )}
        {!typing && (
          <>
            <h2 className="section-title">{t('kiosk.browse.trades')}</h2>
            <TradeGrid
              pressed={(code) => filters.occupation === code}
              testIdPrefix="trade-"
              onPick={(code) => set({ occupation: filters.occupation === code ? null : code })}
            />
            <h2 className="section-title">{t('kiosk.browse.districts')}</h2>
            <div className="chips">
              <button
                type="button"
                className="chip"
                aria-pressed={filters.district === null}
                onClick={() => set({ district: null })}
              >
                {t('kiosk.browse.allDistricts')}
              </button>
              {DISTRICTS.map((d) => (
                <button
                  key={d.code}
                  type="button"
                  className="chip"
                  aria-pressed={filters.district === d.code}
                  data-testid={`district-${d.code}`}
                  onClick={() => set({ district: filters.district === d.code ? null : d.code })}
                >
                  {d.name}
                </button>
              ))}
            </div>
            <div className="chips">
              {anyFilter && (
                <button type="button" className="chip" onClick={() => onFilters(NO_FILTERS)}>
                  {t('kiosk.browse.resetFilters')}
                </button>
              )}
            </div>
          </>
        )}
      </section>
      <section className="browse-results" aria-live="polite">
        {results.state === 'loading' && <p className="muted">{t('kiosk.browse.loading')}</p>}
        {results.state === 'failed' && <p className="notice notice-warn">{t('kiosk.browse.failed')}</p>}
        {results.state === 'ok' && (
          <>
            <p className="result-count" data-testid="result-count">
              {results.data.totalIsLowerBound
                ? t('kiosk.browse.resultsMany', { count: results.data.total, shown })
                : t('kiosk.browse.results', { count: results.data.total })}
            </p>
            {results.data.total === 0 && (
              <div className="empty">
                <p>{t('kiosk.browse.none')}</p>
                <p className="muted">{t('kiosk.browse.noneHint')}</p>
              </div>
            )}
            <div className="cards">
              {results.data.listings.map((l) => (
                <PostingCard key={l.id} posting={l} onOpen={() => onOpen(l)} />
              ))}
            </div>
            {hasMore && (
              <div className="browse-more">
                <p className="muted" data-testid="shown-of">
                  {t('kiosk.browse.shownOf', { shown, count: results.data.total })}
                </p>
                <HugeButton kind="secondary" testId="browse-more" disabled={more === 'loading'} onClick={loadMore}>
                  {more === 'loading'
                    ? t('kiosk.browse.loading')
                    : t('kiosk.browse.more', { count: Math.min(RESULT_PAGE, results.data.total - shown) })}
                </HugeButton>
                {more === 'failed' && <p className="notice notice-warn">{t('kiosk.browse.failed')}</p>}
              </div>
            )}
          </>
        )}
      </section>
    </main>
  );
}
