/** Every screen with its open pages (online, last seen, what it shows), kiosks, and actions. */
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NoteLine } from './error-line';
import type { ScreensResponse } from '../../shared/staff-contract';
import { formatTime } from './format';
import { CycleView } from './cycle-view';
import { PairingForm } from './pairing-form';
import { ScreenEditor } from './screen-editor';
import { STAFF_ROUTES, staffApi } from './staff-api';
import { TableHead } from './table-head';
import { KioskList } from './kiosk-list';

export function ScreensPage({ data, refresh }: { data: ScreensResponse | null; refresh: () => void }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  async function revoke(deviceId: string) {
    await staffApi.call(STAFF_ROUTES.deviceRevoke, { params: { id: deviceId } });
    refresh();
  }

  async function act(screenId: string, action: 'identify' | 'reload') {
    const { pages } = await staffApi.call(
      action === 'identify' ? STAFF_ROUTES.screenIdentify : STAFF_ROUTES.screenReload,
      { params: { id: screenId } },
    );
    setNote(t(`staff.screens.${action}Sent`, { count: pages }));
  }

  if (!data) return null;
  // the screens table needs the width; pairing a new device goes below it
  return (
    <div className="page-stack">
      <section className="panel">
        <h2>{t('staff.screens.title')}</h2>
        <NoteLine text={note} />
        <table className="screens" data-testid="screens-table">
          <TableHead
            columns={[
              t('staff.screens.name'),
              t('staff.screens.state'),
              t('staff.screens.showing'),
              t('staff.screens.cycle'),
              t('staff.screens.legibility'),
              '',
            ]}
          />
          <tbody>
            {data.screens.map((s) => (
              <Fragment key={s.id}>
                <tr data-testid="screen-row" data-screen-id={s.id} data-online={String(s.online)}>
                  <td>
                    <strong>{s.name}</strong>
                    <div className="hint">
                      /board/{s.id} · {s.width}×{s.height} · P{s.pitchMm} · {t(`staff.screens.layouts.${s.layout}`)}
                    </div>
                  </td>
                  <td>
                    <span className={`dot dot--${s.online ? 'on' : 'off'}`} />
                    {s.online ? t('staff.screens.online', { count: s.pages.length }) : t('staff.screens.offline')}
                    {s.lastSeenAt !== null ? (
                      <div className="hint">
                        {t('staff.screens.lastSeen', { time: formatTime(s.lastSeenAt, i18n.language) })}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {s.pages.map((p) => (
                      <div key={p.pageId} className="hint">
                        {p.viewport ? `${p.viewport.width}×${p.viewport.height} · ` : ''}
                        {p.pageIndex !== null
                          ? t('staff.screens.page', { n: p.pageIndex + 1 })
                          : t('staff.screens.noPaint')}
                        {p.urgentIds.length > 0
                          ? ` · ${t('staff.screens.urgentCount', { count: p.urgentIds.length })}`
                          : ''}
                      </div>
                    ))}
                  </td>
                  <td>
                    <CycleView cycle={s.cycle} />
                  </td>
                  <td>{t('staff.screens.minGlyph', { px: s.minGlyphPx, distance: s.viewingDistanceM })}</td>
                  <td className="actions">
                    <button type="button" onClick={() => void act(s.id, 'identify')} data-testid="identify">
                      {t('staff.screens.identify')}
                    </button>
                    <button type="button" onClick={() => void act(s.id, 'reload')}>
                      {t('staff.screens.reload')}
                    </button>
                    <button
                      type="button"
                      onClick={() => setEditing(editing === s.id ? null : s.id)}
                      data-testid="screen-edit"
                    >
                      {t('staff.screens.edit')}
                    </button>
                  </td>
                </tr>
                {/* the editor opens in place, under the screen it edits, with its name on top */}
                {editing === s.id ? (
                  <tr className="screen-editor-row">
                    <td colSpan={6}>
                      <h3 data-testid="screen-editor-title">{t('staff.screens.editTitle', { name: s.name })}</h3>
                      <ScreenEditor
                        key={s.id}
                        screen={s}
                        onSaved={() => {
                          setEditing(null);
                          refresh();
                        }}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
        <h2>{t('staff.screens.kiosks')}</h2>
        <KioskList kiosks={data.kiosks} refresh={refresh} />
        <h2>{t('staff.screens.boardDevices')}</h2>
        <ul className="kiosks" data-testid="board-device-list">
          {(data.boardDevices ?? []).map((d) => (
            <li key={d.id} data-device-id={d.id}>
              {t('staff.screens.boardDevice', {
                id: d.id,
                screen: data.screens.find((s) => s.id === d.screenId)?.name ?? d.screenId,
              })}
              <span className="hint"> · {t('staff.screens.approvedBy', { name: d.approvedBy })}</span>
              {d.lastSeenAt !== null ? (
                <span className="hint">
                  {' '}
                  · {t('staff.screens.lastSeen', { time: formatTime(d.lastSeenAt, i18n.language) })}
                </span>
              ) : null}{' '}
              <button type="button" className="btn btn-small" onClick={() => void revoke(d.id)}>
                {t('staff.screens.revoke')}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <PairingForm onDone={refresh} />
    </div>
  );
}
