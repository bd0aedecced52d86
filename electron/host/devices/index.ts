export { createKioskDevices, LOCAL_KIOSK_ID, PairingError } from './kiosk-devices';
export type { KioskDevices, AuthorisedDevice, Pairing, PairedDevice, PairingState } from './kiosk-devices';
