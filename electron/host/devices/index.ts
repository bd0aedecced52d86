export { createKioskDevices, LOCAL_KIOSK_ID, PairingError } from './kiosk-devices';
export type { KioskDevices, AuthorisedDevice, Pairing, PairingState } from './kiosk-devices';
