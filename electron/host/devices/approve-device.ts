/**
 * Staff approve a device by the code it shows, whatever it is: a browser kiosk becomes a
 * paired kiosk, a board page a board device bound to the screen it asked for. Codes are unique
 * across both (pairing-requests.ts), so the console needs only the code.
 */
import type { BoardDevices } from './board-devices';
import type { KioskDevices } from './kiosk-devices';
import { PairingError, type PairingRequests } from './pairing-requests';

export type DeviceApproval =
  { role: 'kiosk'; deviceId: string } | { role: 'board-device'; deviceId: string; screenId: string };

export function createDeviceApproval(deps: { pairings: PairingRequests; kiosks: KioskDevices; boards: BoardDevices }) {
  return function approveDevice(code: string, approvedBy: string): DeviceApproval {
    const pending = deps.pairings.byCode(code);
    if (!pending) throw new PairingError('unknown_code', `approveDevice: no device is waiting with code ${code}`);
    if (pending.kind === 'kiosk') return { role: 'kiosk', deviceId: deps.kiosks.approve(pending, approvedBy).deviceId };
    const device = deps.boards.approve(pending, approvedBy);
    return { role: 'board-device', deviceId: device.id, screenId: device.screenId };
  };
}
