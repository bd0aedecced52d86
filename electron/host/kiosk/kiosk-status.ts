/**
 * What each kiosk last reported about itself, in memory: whether the PC it runs on has a
 * Mandarin voice to read aloud with. Staff see it on the screens page ("这台一体机没有普通话语音").
 * Only authorised kiosks report (the route checks the device token), and the map is bounded
 * by the number of paired devices; a restart forgets it until each kiosk reports again.
 */
import type { KioskStatus } from '../../../shared/kiosk-contract';

export interface KioskStatusEntry extends KioskStatus {
  reportedAt: number;
}

export interface KioskStatusBoard {
  report(deviceId: string, status: KioskStatus, now: number): void;
  of(deviceId: string): KioskStatusEntry | null;
}

/** More paired kiosks than any hall has; the oldest report goes first. */
const MAX_DEVICES = 500;

export function createKioskStatusBoard(): KioskStatusBoard {
  const byDevice = new Map<string, KioskStatusEntry>();
  return {
    report(deviceId, status, now) {
      byDevice.delete(deviceId);
      byDevice.set(deviceId, { voice: status.voice, reportedAt: now });
      if (byDevice.size > MAX_DEVICES) byDevice.delete(byDevice.keys().next().value!);
    },
    of: (deviceId) => byDevice.get(deviceId) ?? null,
  };
}
