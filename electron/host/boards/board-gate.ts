/**
 * Who may open a board socket, and as which screen. A page on the hall PC itself (loopback:
 * the Electron windows, browser mode) may show any screen. A page from the hall network must
 * carry the device token of a paired board device, and then shows that device's screen only:
 * it cannot be planned for, or report delivery as, another. Everything else is refused with a
 * reason the page can act on (`pairing_required`: show a pairing code).
 */
import type { BoardRefusal } from '../../../shared/contract';
import type { BoardDevices } from '../devices/board-devices';
import type { LimitCounters } from '../server/limit-counters';
import { isLoopback } from '../server/addresses';

export type BoardAdmission =
  { ok: true; screenId: string; deviceId: string | null } | { ok: false; code: BoardRefusal; message: string };

export type BoardGate = (
  auth: { screenId: string; deviceToken?: string | undefined },
  address: string,
) => BoardAdmission;

export function createBoardGate(deps: {
  devices: BoardDevices;
  limits: LimitCounters;
  isHallPc?: (address: string) => boolean;
}): BoardGate {
  const isHallPc = deps.isHallPc ?? isLoopback;
  return (auth, address) => {
    if (isHallPc(address)) return { ok: true, screenId: auth.screenId, deviceId: null };
    const device = auth.deviceToken ? deps.devices.authorise(auth.deviceToken) : null;
    if (!device) {
      deps.limits.hit('board.unpaired', { address });
      return {
        ok: false,
        code: 'pairing_required',
        message: 'this board page is not paired: show the pairing code and approve it in 屏幕管理 → 配对新设备',
      };
    }
    if (device.screenId !== auth.screenId) {
      deps.limits.hit('board.other_screen', { address, deviceId: device.id });
      return {
        ok: false,
        code: 'device_other_screen',
        message: `this device is paired for screen "${device.screenId}", not "${auth.screenId}"`,
      };
    }
    return { ok: true, screenId: device.screenId, deviceId: device.id };
  };
}
