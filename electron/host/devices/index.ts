export { createKioskDevices, LOCAL_KIOSK_ID, PairingError } from './kiosk-devices';
export type { KioskDevices, AuthorisedDevice, Pairing, PairedDevice, PairingState } from './kiosk-devices';
export { createPairingRequests, type PairingRequests, type PendingPairing, type DeviceKind } from './pairing-requests';
export { createBoardDevices, type BoardDevice, type BoardDevices } from './board-devices';
export { boardPairingRoutes } from './board-pairing-routes';
